import { describe } from 'vitest';
import { backends } from '../server/backends';
import { scopeMatrix } from './scope-matrix';

// Only where a PostgreSQL server is given (DATABASE_URL).
if (backends.includes('postgres')) scopeMatrix('postgres');
else describe.skip('scope matrix (postgres): DATABASE_URL is not set', () => {});
