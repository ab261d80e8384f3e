/*
 * The retry policy of the mail queue, as pure functions so that the sender and the secretariat's
 * page agree on it. `retrySeconds[i]` is the wait before attempt i + 2: with "60,300" a message
 * is tried at once, again a minute after the first failure, again five minutes after the second,
 * and given up after the third.
 */

export type AfterFailure = { status: "pending"; nextAttemptAt: string } | { status: "failed" };

/** What becomes of a message whose attempt number `attempts` (1 for the first) just failed. */
export function afterFailedAttempt(attempts: number, retrySeconds: readonly number[], now: Date): AfterFailure {
  const wait = retrySeconds[attempts - 1];
  if (wait === undefined) return { status: "failed" };
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + wait * 1000).toISOString() };
}

/** Every attempt a message gets: the first and one per retry delay. */
export function maxAttempts(retrySeconds: readonly number[]): number {
  return retrySeconds.length + 1;
}

/** A short, single-line error for the queue and the page: SMTP replies can span lines and carry long texts. */
export function shortError(text: string, max = 300): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
