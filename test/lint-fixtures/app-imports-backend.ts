// lint as: src/app/lint-fixture.ts
import { db } from '@/backend/store';

export const fixture = db;
