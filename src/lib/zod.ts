import { z } from 'zod';

// zod compiles fast parsers with `new Function`, which our Content-Security-Policy (no
// 'unsafe-eval') refuses and reports. Parsing without it is fast enough for our payloads.
z.config({ jitless: true });

export { z };
