#!/usr/bin/env node
// `npm run build`: compiles the server and CLI (src/ → dist/server, tsc) and the web app (web/ → dist/web,
// Vite) once. `npm start` runs this with --if-stale first: it builds only when dist/ is missing or older than
// the sources, so a fresh clone's `npm ci && npm start` works and a built install starts at once. Without the
// dev dependencies (`npm ci --omit=dev`) nothing can be built: a missing build is an error, a stale one a warning.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const serverOut = path.join(dist, 'server');
// What the build reads: a change to any of these makes the build stale.
const inputs = ['src', 'web', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts'];

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function isStale() {
  const built = fs.statSync(stamp, { throwIfNoEntry: false });
  if (!built) return 'missing';
  const sources = Math.max(...inputs.map((input) => newestMtime(path.join(root, input))));
  return sources > built.mtimeMs ? 'stale' : null;
}

function canBuild() {
  return (
    fs.existsSync(path.join(root, 'node_modules/typescript/bin/tsc')) &&
    fs.existsSync(path.join(root, 'node_modules/vite/bin/vite.js'))
  );
}

/** Copies what tsc does not emit (data files other than imported JSON, e.g. .sql) beside the compiled code. */
function copyAssets(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyAssets(source, target);
    else if (!/\.(tsx?|md)$/.test(entry.name) && !fs.existsSync(target)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
    }
  }
}

function build() {
  const started = performance.now();
  fs.rmSync(serverOut, { recursive: true, force: true });
  fs.rmSync(stamp, { force: true });
  console.log('[build] server: tsc -p tsconfig.build.json → dist/server');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  copyAssets(path.join(root, 'src'), serverOut);
  console.log('[build] web: vite build → dist/web');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  console.log(`[build] done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv.includes('--if-stale')) {
  const state = isStale();
  if (state === null) process.exit(0);
  if (!canBuild()) {
    if (state === 'missing') {
      console.error(
        '[build] dist/ has no build and the build tools are not installed (npm ci --omit=dev).\n' +
          '        Run `npm ci && npm run build` first, then install with --omit=dev.',
      );
      process.exit(1);
    }
    console.warn(
      '[build] warning: dist/ is older than the sources; run `npm run build` where dev dependencies are installed.',
    );
    process.exit(0);
  }
  console.log(
    state === 'missing' ? '[build] no build yet: building once' : '[build] sources changed: rebuilding',
  );
}
build();
