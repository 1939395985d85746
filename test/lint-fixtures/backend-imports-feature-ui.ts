// lint as: src/backend/domain/lint-fixture.ts
import { keys } from '@/features/preferences/keys';

export const fixture = keys;
