// lint as: src/features/account/lint-fixture.ts
import { db } from '../../backend/store';

export const fixture = db;
