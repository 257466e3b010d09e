// Imported first by main.tsx: zod's JIT compiles parsers with `new Function`, which the portal's
// Content-Security-Policy (script-src 'self', no 'unsafe-eval') refuses. Interpreted parsing is enough here.
// Only zod's core is imported here, so the first page does not carry the whole schema API.
import { config } from 'zod/v4/core';

config({ jitless: true });
