#!/usr/bin/env node
// The registry reachable here serves only the Linux builds of DuckDB's native bindings, so `npm install`
// leaves the other platforms' optional packages out of package-lock.json — and `npm ci` then refuses the
// lock file. This puts those optional entries back (they are never fetched on Linux). Run after npm install.
import fs from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const entry of Object.values(packages)) {
  for (const [dependency, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dependency}`;
    if (packages[key] || !dependency.startsWith('@duckdb/node-bindings-')) continue;
    const [, os, cpu, libc] =
      dependency.match(/node-bindings-(darwin|linux|win32)-(x64|arm64)(?:-(musl))?$/) ?? [];
    if (!os) continue;
    packages[key] = {
      version,
      cpu: [cpu],
      ...(os === 'linux' ? { libc: [libc ?? 'glibc'] } : {}),
      license: 'MIT',
      optional: true,
      os: [os],
    };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added === 0
    ? 'package-lock.json is complete.'
    : `Added ${added} optional DuckDB binding entries to package-lock.json.`,
);
