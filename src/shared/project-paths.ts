import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this module with a package.json. The same code runs from
 * src/ (tsx, vitest) and compiled from dist/server/ (`npm start`), so paths are taken from the root, not
 * from this file's depth.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot();

/** A path inside the repository, e.g. projectPath('drizzle') for the checked-in migrations. */
export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
