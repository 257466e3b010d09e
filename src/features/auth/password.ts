import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

const KEY_LENGTH = 64;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
/** The production cost: N = 2^17 (128 MiB and about a second per hash on a small server). */
export const PRODUCTION_SCRYPT_LOG_N = 17;
/** Stored hashes above this are refused rather than allowed to allocate gigabytes. */
const MAX_LOG_N = 20;

/** STYR_SCRYPT_LOG_N: log2 of scrypt's N for new hashes; only the test suite lowers it, to keep logins fast. */
export const scryptLogNSchema = z.coerce
  .number()
  .int()
  .min(10)
  .max(MAX_LOG_N)
  .default(PRODUCTION_SCRYPT_LOG_N);

export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** The parameters new hashes get: N from STYR_SCRYPT_LOG_N (default 2^17), r = 8, p = 1. */
export function targetScryptParameters(env: NodeJS.ProcessEnv = process.env): ScryptParameters {
  const logN = scryptLogNSchema.safeParse(env.STYR_SCRYPT_LOG_N || undefined);
  if (!logN.success) throw new Error('STYR_SCRYPT_LOG_N must be a whole number from 10 to 20 (default 17).');
  return { N: 2 ** logN.data, r: BLOCK_SIZE, p: PARALLELISM };
}

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParameters): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is below what N = 2^17 takes.
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

interface ParsedHash extends ScryptParameters {
  salt: Buffer;
  key: Buffer;
}

function parseStoredHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash || rest.length > 0) return null;
  const parameters = { N: Number(n), r: Number(r), p: Number(p) };
  const isPowerOfTwo = Number.isInteger(Math.log2(parameters.N));
  if (!isPowerOfTwo || parameters.N < 2 || parameters.N > 2 ** MAX_LOG_N) return null;
  if (
    !Number.isInteger(parameters.r) ||
    !Number.isInteger(parameters.p) ||
    parameters.r < 1 ||
    parameters.p < 1
  )
    return null;
  return { ...parameters, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(hash, 'base64url') };
}

/** Format: scrypt$N$r$p$salt$hash (base64url): every hash keeps its own parameters, so the cost can rise. */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = targetScryptParameters(),
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, parameters);
  return [
    'scrypt',
    parameters.N,
    parameters.r,
    parameters.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Verifies with the parameters stored in the hash, whatever today's cost is. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A hash made with a lower cost than new hashes get: rehash it when the password is next known (login). */
export function isWeakerThanTarget(
  stored: string,
  target: ScryptParameters = targetScryptParameters(),
): boolean {
  const parsed = parseStoredHash(stored);
  return parsed !== null && parsed.N < target.N;
}
