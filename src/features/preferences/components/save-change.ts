import type { Schema } from '@/lib/api-types';
import type { Preferences } from '../api/get-preferences';
import type { PreferencesChange } from '../api/update-preferences';

/** Saves one change to the choices; resolves true once it is saved, false if it was not. */
export type SaveChange = (change: PreferencesChange) => Promise<boolean>;

/** One change the service recorded, as the receipt shows it. */
export type ChangeRecord = Schema<'PreferenceChange'>;

/** What every section of the editor takes: the choices, whether they may be changed, and how to save. */
export type SectionProps = { prefs: Preferences; canEdit: boolean; onSave: SaveChange };

/** A section with a form: also whether a save is under way, and what to do when the form is not valid. */
export type FormSectionProps = SectionProps & { busy: boolean; onInvalid: () => void };
