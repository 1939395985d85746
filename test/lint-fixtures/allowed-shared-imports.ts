// lint as: src/shared/preferences/lint-fixture.ts
// Allowed: src/shared uses the contract's types, zod, the pure parts of lib and the rest of src/shared.
import type { Problem } from '@/lib/api-types';
import { z } from '@/lib/zod';
import { formatDate } from '../../lib/format';
import { allows } from '../access';
import { contactKey } from '@/shared/delegates/rules';

export const fixture = [z, formatDate, allows, contactKey] as unknown as Problem;
