import { sql, type SQL } from 'drizzle-orm';

/**
 * The database's transaction time, for a row's own bookkeeping stamps: `updated_at`, when a vote, answer or
 * reading was recorded, and the mail outbox's schedule. It is the same source as the columns' defaults
 * (`created_at`, the audit log's `at`): these record when a write really happened and are never compared with
 * the clock's today. Days and instants the rules reason about (decisions, gates, invitations, sessions) come
 * from the app's Clock instead (src/shared/clock.ts).
 */
export function transactionTime(): SQL<Date> {
  return sql<Date>`now()`;
}

/** The transaction time plus a number of seconds (the mail outbox's retry backoff). */
export function transactionTimePlus(seconds: number): SQL<Date> {
  return sql<Date>`now() + make_interval(secs => ${seconds})`;
}
