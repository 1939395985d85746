import type { Schema } from '@/lib/api-types';
import type { PreferencesChange } from '../api/update-preferences';

/** Saves one change to the choices; resolves true once it is saved, false if it was not. */
export type SaveChange = (change: PreferencesChange) => Promise<boolean>;

/** One change the service recorded, as the receipt shows it. */
export type ChangeRecord = Schema<'PreferenceChange'>;
