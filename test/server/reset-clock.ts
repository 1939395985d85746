import { afterEach } from 'vitest';
import { resetClock } from '@/backend/clock';

// The server project's files share a worker (isolate: false): a clock a test moved must not reach
// the next file, whose test tables (dates "from today") are built when it is collected.
afterEach(() => resetClock());
