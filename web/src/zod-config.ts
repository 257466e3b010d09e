// Imported first by main.tsx: zod's JIT compiles parsers with `new Function`, which the portal's
// Content-Security-Policy (script-src 'self', no 'unsafe-eval') refuses. Interpreted parsing is enough here.
import { z } from 'zod';

z.config({ jitless: true });
