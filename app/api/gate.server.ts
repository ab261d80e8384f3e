import type { NextFunction, Request, Response } from "express";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { limiter } from "../auth/rate-limit.server";
import { env } from "../env.server";
import { problemBody, PROBLEM_TYPE } from "./problem.server";

/*
 * What holds for every request to the API, before Remix sees it (server.ts): it is open to any
 * web page (CORS, no credentials), it only reads, and each client address has a number of
 * requests per minute. The counters live where the login limits live: in the primary process
 * when worker processes serve, so a client gains nothing from being handed to several workers.
 */

const WINDOW_SECONDS = 60;
const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

let apiCounter: RateLimiterAbstract | undefined;

function apiLimiter(): RateLimiterAbstract {
  apiCounter ??= limiter("api-requests-ip", env().API_REQUESTS_PER_MINUTE, WINDOW_SECONDS);
  return apiCounter;
}

function sendProblem(res: Response, status: number, detail: string, req: Request) {
  res
    .status(status)
    .set("Cache-Control", "no-store")
    .type(PROBLEM_TYPE)
    .send(JSON.stringify(problemBody(status, detail, req.path)));
}

/** The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers): the policy, and what is left of it. */
function setRateHeaders(res: Response, state: RateLimiterRes | null) {
  const limit = env().API_REQUESTS_PER_MINUTE;
  res.set("RateLimit-Policy", `${limit};w=${WINDOW_SECONDS}`);
  if (!state) return;
  const reset = Math.max(0, Math.ceil(state.msBeforeNext / 1000));
  res.set("RateLimit", `limit=${limit}, remaining=${Math.max(0, state.remainingPoints)}, reset=${reset}`);
}

/** Counts the request; false when the client's limit is used up (then the 429 has been sent). */
async function withinLimit(req: Request, res: Response): Promise<boolean> {
  const key = req.ip ?? req.socket.remoteAddress ?? "unknown";
  try {
    setRateHeaders(res, await apiLimiter().consume(key));
    return true;
  } catch (error) {
    // the primary did not answer: the API only reads published data, so it serves rather than fails
    if (!(error instanceof RateLimiterRes)) {
      setRateHeaders(res, null);
      return true;
    }
    setRateHeaders(res, error);
    res.set("Retry-After", String(Math.max(1, Math.ceil(error.msBeforeNext / 1000))));
    sendProblem(
      res,
      429,
      `More than ${env().API_REQUESTS_PER_MINUTE} requests in ${WINDOW_SECONDS} seconds from this address.`,
      req,
    );
    return false;
  }
}

export async function apiGate(req: Request, res: Response, next: NextFunction) {
  try {
    res.set("Access-Control-Allow-Origin", "*");
    res.set("Access-Control-Expose-Headers", "ETag, RateLimit, RateLimit-Policy, Retry-After");
    // helmet's same-origin default is for the pages; the API's answers are meant to be read anywhere
    res.set("Cross-Origin-Resource-Policy", "cross-origin");
    if (!(await withinLimit(req, res))) return;
    if (req.method === "OPTIONS") {
      res.status(204).set({
        Allow: ALLOWED_METHODS,
        "Access-Control-Allow-Methods": ALLOWED_METHODS,
        "Access-Control-Allow-Headers": "If-None-Match, Accept, Accept-Language",
        "Access-Control-Max-Age": "86400",
      });
      return void res.end();
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.set("Allow", ALLOWED_METHODS);
      return sendProblem(res, 405, `The API only reads: ${ALLOWED_METHODS}.`, req);
    }
    next();
  } catch (error) {
    next(error);
  }
}
