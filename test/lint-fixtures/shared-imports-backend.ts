// lint as: src/shared/lint-fixture.ts
import { db } from '@/backend/store';

export const fixture = db;
