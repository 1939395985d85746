// lint as: src/backend/handlers/lint-fixture.ts
// The backend no longer shares a feature's schemas: what it shares is in src/shared.
import { pauseFormSchema } from '@/features/preferences/schemas';

export const fixture = pauseFormSchema;
