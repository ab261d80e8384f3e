import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env.server";

const WINDOW_SECONDS = 15 * 60;

// In memory: one process serves the portal. An installation running several processes behind
// a load balancer would move these to the database or Redis (rate-limiter-flexible has both).
let perAccount: RateLimiterMemory | undefined;
let perIp: RateLimiterMemory | undefined;

function limiters() {
  perAccount ??= new RateLimiterMemory({ points: env().LOGIN_RATE_LIMIT_PER_ACCOUNT, duration: WINDOW_SECONDS });
  perIp ??= new RateLimiterMemory({ points: env().LOGIN_RATE_LIMIT_PER_IP, duration: WINDOW_SECONDS });
  return { perAccount, perIp };
}

/** Counts one login attempt; returns the seconds to wait when the account or the address is over its limit. */
export async function consumeLoginAttempt(
  email: string,
  ip: string
): Promise<{ limited: false } | { limited: true; retryAfterSeconds: number }> {
  const { perAccount, perIp } = limiters();
  const results = await Promise.allSettled([perAccount.consume(email.toLowerCase()), perIp.consume(ip)]);
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  if (rejected.length === 0) return { limited: false };
  const waits = rejected.map((r) => (r.reason instanceof RateLimiterRes ? r.reason.msBeforeNext : WINDOW_SECONDS * 1000));
  return { limited: true, retryAfterSeconds: Math.ceil(Math.max(...waits) / 1000) };
}

/** A successful login clears the account's count, so a typo or two is not held against the owner. */
export async function resetAccountAttempts(email: string): Promise<void> {
  await limiters().perAccount.delete(email.toLowerCase());
}
