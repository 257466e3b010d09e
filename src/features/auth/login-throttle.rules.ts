// Login throttling as a pure rule: after too many failures in a sliding window, per username and per client
// address, further attempts are refused until enough failures have aged out — even with the right password.

export interface LoginThrottlePolicy {
  maxFailuresPerUser: number;
  maxFailuresPerAddress: number;
  windowMinutes: number;
}

export const defaultLoginThrottle: LoginThrottlePolicy = {
  maxFailuresPerUser: 10,
  maxFailuresPerAddress: 30,
  windowMinutes: 15,
};

export type ThrottleVerdict =
  { refused: false } | { refused: true; scope: 'user' | 'address'; retryAfterSeconds: number };

export const throttleKeys = (username: string, clientAddress: string) => ({
  user: `user:${username}`,
  address: `ip:${clientAddress}`,
});

/** When the count of failures (ascending times within the window) drops below max again; null if it already is. */
function freeAt(failures: Date[], max: number, windowMs: number): number | null {
  if (failures.length < max) return null;
  return failures[failures.length - max]!.getTime() + windowMs;
}

export function decideLoginThrottle(
  failures: { user: Date[]; address: Date[] },
  policy: LoginThrottlePolicy,
  now: Date,
): ThrottleVerdict {
  const windowMs = policy.windowMinutes * 60_000;
  const inWindow = (times: Date[]) =>
    times.filter((at) => at.getTime() > now.getTime() - windowMs).sort((a, b) => a.getTime() - b.getTime());
  const userFree = freeAt(inWindow(failures.user), policy.maxFailuresPerUser, windowMs);
  const addressFree = freeAt(inWindow(failures.address), policy.maxFailuresPerAddress, windowMs);
  if (userFree === null && addressFree === null) return { refused: false };
  const scope = (userFree ?? 0) >= (addressFree ?? 0) ? 'user' : 'address';
  const until = Math.max(userFree ?? 0, addressFree ?? 0);
  return { refused: true, scope, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** The Norwegian answer to a refused attempt, in whole minutes. */
export function throttleMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `For mange mislykkede innlogginger. Prøv igjen om ${minutes} ${minutes === 1 ? 'minutt' : 'minutter'}.`;
}
