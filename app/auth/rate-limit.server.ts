import cluster from "node:cluster";
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../env.server";

const WINDOW_SECONDS = 15 * 60;

// In memory. Worker processes (server.ts) count in the primary process, so an attacker gains
// nothing from the port handing connections to several workers. An installation running several
// machines behind a load balancer would move these to the database or Redis (rate-limiter-flexible
// has both).
let perAccount: RateLimiterAbstract | undefined;
let perIp: RateLimiterAbstract | undefined;

function limiter(keyPrefix: string, points: number): RateLimiterAbstract {
  const options = { keyPrefix, points, duration: WINDOW_SECONDS };
  return cluster.isWorker ? new RateLimiterCluster(options) : new RateLimiterMemory(options);
}

function limiters() {
  perAccount ??= limiter("login-account", env().LOGIN_RATE_LIMIT_PER_ACCOUNT);
  perIp ??= limiter("login-ip", env().LOGIN_RATE_LIMIT_PER_IP);
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
