import { describe, expect, it } from 'vitest';
import { spendDuckDbLimits } from './spend.config.js';

const GB = 1024 ** 3;

describe('spendDuckDbLimits', () => {
  it('bounds DuckDB to a quarter of the memory, between 1 and 4 GB, with 2 threads by default', () => {
    expect(spendDuckDbLimits({}, 24 * GB)).toEqual({ memoryLimit: '4096MB', threads: 2 });
    expect(spendDuckDbLimits({}, 8 * GB)).toEqual({ memoryLimit: '2048MB', threads: 2 });
    expect(spendDuckDbLimits({}, 2 * GB)).toEqual({ memoryLimit: '1024MB', threads: 2 });
  });
  it('takes STYR_SPEND_MEMORY_LIMIT and STYR_SPEND_THREADS, ignoring values DuckDB would not read', () => {
    expect(spendDuckDbLimits({ STYR_SPEND_MEMORY_LIMIT: '1.5GB', STYR_SPEND_THREADS: '4' }, 24 * GB)).toEqual(
      {
        memoryLimit: '1.5GB',
        threads: 4,
      },
    );
    expect(spendDuckDbLimits({ STYR_SPEND_MEMORY_LIMIT: 'lots', STYR_SPEND_THREADS: '0' }, 24 * GB)).toEqual({
      memoryLimit: '4096MB',
      threads: 2,
    });
  });
});
