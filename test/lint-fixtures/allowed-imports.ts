// lint as: src/backend/handlers/lint-fixture.ts
// Allowed: the backend uses src/shared (the schemas and rules it shares with the UI), the API types and zod, and config.
import { preferencesPatchSchema } from '@/shared/preferences/schemas';
import { allows } from '../../shared/access';
import type { Problem } from '@/lib/api-types';
import { z } from '../../lib/zod';
import { paths } from '@/config/paths';
import { db } from '../store';

export const fixture = [preferencesPatchSchema, allows, z, paths, db] as unknown as Problem;
