/**
 * When a failed delivery is tried again, and when it is given up: exponential
 * backoff with jitter. The first retry comes 5–10 seconds after the first
 * failure (within 15 seconds), each later wait doubles, and no wait is longer
 * than an hour. A job that has failed for 72 hours since it was queued is
 * given up ("failed"): the staff command shows it and can queue it again.
 *
 * The jitter is "equal jitter": half the wait is fixed, half is random, so
 * jobs that failed together (a receiver that was down) do not all come back
 * in the same second, and none comes back much sooner than planned.
 */

/** The wait before the first retry, before jitter (the wait is 50–100 % of it). */
export const FIRST_RETRY_MS = 10_000;
/** The longest wait between two attempts. */
export const LONGEST_RETRY_MS = 60 * 60 * 1000;
/** Failed attempts for this long after a job was queued: it is given up. */
export const GIVE_UP_AFTER_MS = 72 * 60 * 60 * 1000;

/** The wait after the `attemptsMade`-th failed attempt (1 after the first); `random` in [0, 1). */
export function retryDelayMs(attemptsMade: number, random: () => number): number {
  const doublings = Math.max(0, Math.min(attemptsMade - 1, 30));
  const planned = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** doublings);
  return Math.round(planned / 2 + random() * (planned / 2));
}

export type AfterFailure = { state: 'pending'; nextAttemptAt: Date } | { state: 'failed' };

/**
 * What follows a failed attempt: another attempt later, or — 72 hours after
 * the job was queued, or when the destination says no retry can help — the end.
 */
export function afterFailure(failure: { attemptsMade: number; queuedAt: Date; now: Date; permanent: boolean; random: () => number }): AfterFailure {
  const { attemptsMade, queuedAt, now, permanent, random } = failure;
  if (permanent || now.getTime() - queuedAt.getTime() >= GIVE_UP_AFTER_MS) return { state: 'failed' };
  return { state: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attemptsMade, random)) };
}
