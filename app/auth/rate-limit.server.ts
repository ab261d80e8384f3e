import cluster from "node:cluster";
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../env.server";

/*
 * Only failed logins count (docs/decisions/015-…). Many people sign in from one address — a town
 * hall behind one NAT address on a deadline morning — and must never lock each other out; and
 * someone who knows a board member's e-mail must not be able to lock the member out from
 * somewhere else. So the tight limit is on an account *from one address*; an address has a loose
 * limit over all accounts (guessing many accounts); an account has a loose limit over all
 * addresses (guessing from many), which spares the addresses it has signed in from lately.
 */

const WINDOW_SECONDS = 15 * 60;
// below the 24.8 days a Node timer can hold: the memory store expires keys with setTimeout
const KNOWN_ADDRESS_SECONDS = 14 * 24 * 60 * 60;

interface Limiters {
  accountAtAddress: RateLimiterAbstract;
  address: RateLimiterAbstract;
  account: RateLimiterAbstract;
  /** (account, address) pairs that signed in lately: the account's own limit spares them */
  knownAddresses: RateLimiterAbstract;
}

// In memory. Worker processes (server.ts) count in the primary process, so an attacker gains
// nothing from the port handing connections to several workers. An installation running several
// machines behind a load balancer would move these to the database or Redis (rate-limiter-flexible
// has both).
let limiters: Limiters | undefined;

/** A counter per key, kept in the primary process when worker processes serve, so every worker sees the same count. */
export function limiter(keyPrefix: string, points: number, duration = WINDOW_SECONDS): RateLimiterAbstract {
  const options = { keyPrefix, points, duration };
  return cluster.isWorker ? new RateLimiterCluster(options) : new RateLimiterMemory(options);
}

function getLimiters(): Limiters {
  const e = env();
  limiters ??= {
    accountAtAddress: limiter("login-failures-account-ip", e.LOGIN_FAILURES_PER_ACCOUNT_AND_IP),
    address: limiter("login-failures-ip", e.LOGIN_FAILURES_PER_IP),
    account: limiter("login-failures-account", e.LOGIN_FAILURES_PER_ACCOUNT),
    knownAddresses: limiter("login-known-address", 1, KNOWN_ADDRESS_SECONDS),
  };
  return limiters;
}

export type LoginAttempt =
  | { limited: true; retryAfterSeconds: number }
  | {
      limited: false;
      /** The password was right: the attempt is not counted, and the owner's earlier typos here are forgiven. */
      succeeded(): Promise<void>;
      /** Nothing was decided about the password (the check itself failed): the attempt is not counted. */
      notCounted(): Promise<void>;
    };

/**
 * Call before checking the password. The attempt is counted as a failure from the start and
 * stays one unless `succeeded` or `notCounted` is called: counting only after a wrong password
 * would let parallel requests all pass the check while the first ones are still being hashed.
 */
export async function beginLoginAttempt(email: string, ip: string): Promise<LoginAttempt> {
  const l = getLimiters();
  const account = email.toLowerCase();
  const pair = `${ip} ${account}`;
  const known = (await l.knownAddresses.get(pair).catch(() => null)) !== null;
  const counters: [RateLimiterAbstract, string][] = [
    [l.accountAtAddress, pair],
    [l.address, ip],
  ];
  if (!known) counters.push([l.account, account]);

  const results = await Promise.allSettled(counters.map(([counter, key]) => counter.consume(key)));
  // a refused consume counts too; only one the primary did not answer may not have
  const counted = counters.filter((_, i) => {
    const result = results[i];
    return result.status === "fulfilled" || result.reason instanceof RateLimiterRes;
  });
  const uncount = () => Promise.all(counted.map(([counter, key]) => counter.reward(key))).then(() => undefined);

  const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  if (refused.length > 0) {
    // a refused attempt tried no password: it must bring no limit closer, or a burst of parallel
    // requests would keep an address refused for longer than its failures warrant
    await uncount();
    // no answer from the primary counts as refused for a whole window: failing open would let guessing through
    const waits = refused.map((r) => (r.reason instanceof RateLimiterRes ? r.reason.msBeforeNext : WINDOW_SECONDS * 1000));
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
  }

  return {
    limited: false,
    async succeeded() {
      await Promise.all([
        l.accountAtAddress.delete(pair),
        ...counted.filter(([counter]) => counter !== l.accountAtAddress).map(([counter, key]) => counter.reward(key)),
        // block() sets the key afresh, so the address stays known for the whole period after each sign-in
        l.knownAddresses.block(pair, KNOWN_ADDRESS_SECONDS),
      ]);
    },
    notCounted: uncount,
  };
}
