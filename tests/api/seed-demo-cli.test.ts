// `styr seed --demo` on an empty PostgreSQL database and the first start in demo mode (prepareDatabase, as
// `npm start` runs it) give the same living portfolio: the same demo step, the same shape on the same day.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/bootstrap.js';
import { openDatabase } from '../../src/db/client.js';
import { pinnedClock } from '../../src/shared/clock.js';
import { runStyr } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { demoShape } from '../support/demo-shape.js';

const TODAY = '2026-12-03';

describe('styr seed --demo and the first npm start', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('give the same living portfolio', async () => {
    const cliDatabase: TestDatabase = await createTestDatabase('postgres', { migrated: false });
    cleanups.push(() => cliDatabase.dispose());
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-seed-demo-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const result = await runStyr(['seed', '--demo'], {
      DATABASE_URL: cliDatabase.url!,
      STYR_TODAY: TODAY,
      STYR_DATA_DIR: dataDir,
    });
    expect(result.stderr).not.toContain('Feil');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Demodata:');

    const started = await openDatabase({ kind: 'pglite' });
    cleanups.push(() => started.close());
    const startDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styr-start-demo-'));
    cleanups.push(async () => fs.rmSync(startDir, { recursive: true, force: true }));
    await prepareDatabase(started, { demo: true, clock: pinnedClock(TODAY), spendDir: startDir });

    const fromCli = await demoShape(cliDatabase.db, TODAY);
    expect(fromCli.cockpit.cases).toHaveLength(1);
    // A portfolio in use: some procurements on time, the late ones late by days or weeks, not years.
    const daysLate = fromCli.schedule.map(([, , days]) => Number(days));
    expect(daysLate.some((days) => days === 0)).toBe(true);
    expect(daysLate.some((days) => days > 0)).toBe(true);
    expect(Math.max(...daysLate)).toBeLessThanOrEqual(60);
    expect(await demoShape(started.db, TODAY)).toEqual(fromCli);
  });
});
