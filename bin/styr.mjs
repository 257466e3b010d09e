#!/usr/bin/env node
// The `styr` command. In a development checkout (tsx installed) it runs the TypeScript source, so no build is
// needed; in an install without dev dependencies it runs the compiled CLI from `npm run build` (dist/server).
import fs from 'node:fs';

const tsx = await import('tsx/esm/api').catch(() => null);
const compiled = new URL('../dist/server/cli/main.js', import.meta.url);
if (tsx) {
  tsx.register();
  await import('../src/cli/main.ts');
} else if (fs.existsSync(compiled)) {
  await import(compiled.href);
} else {
  console.error('styr: dist/server is missing; run `npm run build` (needs the dev dependencies) first.');
  process.exit(1);
}
