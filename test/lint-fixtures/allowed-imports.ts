// lint as: src/backend/handlers/lint-fixture.ts
// Allowed: the backend shares features' schemas, the API types and zod, and config.
import { preferencesPatchSchema } from '@/features/preferences/schemas';
import type { Problem } from '@/lib/api-types';
import { z } from '../../lib/zod';
import { paths } from '@/config/paths';
import { db } from '../store';

export const fixture = [preferencesPatchSchema, z, paths, db] as unknown as Problem;
