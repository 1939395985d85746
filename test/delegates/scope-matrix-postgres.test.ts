import { scopeMatrix } from './scope-matrix';

// Runs where a PostgreSQL server is given (DATABASE_URL); skipped otherwise.
scopeMatrix('postgres');
