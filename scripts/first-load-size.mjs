#!/usr/bin/env node
// Prints how much JavaScript the browser loads for the first page: the entry chunk with everything it imports
// statically, plus the chunks of the page shown first (the login page, or the overview after login). Reads
// the Vite manifest of the last build (`npx vite build` first). Exits 1 when what travels (gzip) passes the
// 250 KB budget. Minified size is printed too: React DOM alone is ~190 KB of it, so the minified total of a
// React page cannot go much below ~300 KB.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = 250;
const webDist = new URL('../dist/web/', import.meta.url);
const manifestPath = new URL('.vite/manifest.json', webDist);
if (!fs.existsSync(manifestPath)) {
  console.error('dist/web/.vite/manifest.json is missing: run `npx vite build` first.');
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(imported, seen);
  return seen;
}

function size(keys) {
  let raw = 0;
  let gzip = 0;
  for (const key of keys) {
    const bytes = fs.readFileSync(new URL(manifest[key].file, webDist));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const shell = staticClosure(entry);
const pages = {
  'login page (/logg-inn)': 'src/features/auth/login-page.tsx',
  'overview after login (/)': 'src/features/overview/overview-page.tsx',
};
const kb = (bytes) => (bytes / 1024).toFixed(1);
let overBudget = false;
console.log(`entry ${path.basename(manifest[entry].file)}: ${kb(size(shell).raw)} KB minified`);
for (const [label, source] of Object.entries(pages)) {
  if (!manifest[source]) throw new Error(`${source} is not a chunk of its own in the manifest`);
  const keys = staticClosure(source, new Set(shell));
  const { raw, gzip } = size(keys);
  overBudget ||= gzip / 1024 > budgetKb;
  console.log(
    `first_load_js ${label}: ${kb(raw)} KB minified, ${kb(gzip)} KB gzip, ${keys.size} files (budget ${budgetKb} KB gzip)`,
  );
}
process.exit(overBudget ? 1 : 0);
