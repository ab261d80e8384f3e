/*
 * The production server: Express in front of the Remix build. Security that must hold for
 * every route lives here, before any loader or action runs — security headers with a
 * per-request CSP nonce, the same-origin check for writes, and the session lookup.
 */
import cluster from "node:cluster";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import onHeaders from "on-headers";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";
import { migrateToLatest } from "./db/migrate";
import { apiGate } from "./app/api/gate.server";
import { isApiPath } from "./app/api/paths";
import { authenticate } from "./app/auth/auth.server";
import "./app/context";
import { db } from "./app/db.server";
import { env } from "./app/env.server";
import { startBackgroundJobs } from "./app/jobs/background.server";
import { describeTransport } from "./app/mail/delivery.server";
import { mailDeliveryJob } from "./app/mail/job.server";
import { servePublicPageKept } from "./app/publication/kept-pages.server";
import { frozenPdfJob } from "./app/report/frozen-pdfs.server";
import { roundReminderJob } from "./app/round/reminder-job.server";
import { successionJob } from "./app/succession/job.server";
import { rememberListeningAddress } from "./app/utils/origin.server";

// the app's directory, as in Remix's own server templates: npm start, the tests and the bench run the
// server from there, whether as its compiled bundle (build/server.js) or its source (tsx in development)
const root = process.cwd();
const BUILD_PATH = path.join(root, "build", "index.js");
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// what the Fetch API's Request can carry to Remix; TRACE, TRACK and CONNECT it refuses to construct
const METHODS = new Set([...SAFE_METHODS, "POST", "PUT", "PATCH", "DELETE"]);
/** Past this, a body nobody reads is cut off rather than read to its end. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/**
 * A body the route did not read to its end (refused as too large, or before the form was read:
 * a guard's 404) is read and dropped once the answer is sent. Otherwise the connection closes while
 * the browser is still sending, and it shows a connection error instead of the page that says why.
 */
function drainUnreadBody(req: Request, res: Response, next: NextFunction) {
  res.on("finish", () => {
    if (req.readableEnded || req.destroyed) return;
    if (Number(req.get("content-length") ?? "0") > DRAIN_MAX_BYTES) return void req.destroy();
    // the Fetch API stream Remix made of the body is gone with the request; drop what it left
    req.removeAllListeners("data");
    req.resume();
  });
  next();
}

/**
 * Production: the build, imported once (Remix derives its route table anew on every request when
 * given a function, which costs more than a small page). Development: a function that imports a
 * rebuilt bundle under a new URL, so Node loads it afresh.
 */
async function loadBuild(): Promise<ServerBuild | (() => Promise<ServerBuild>)> {
  const url = pathToFileURL(BUILD_PATH).href;
  if (env().NODE_ENV === "production") return timedLoaders((await import(url)) as ServerBuild);
  return async () => timedLoaders((await import(`${url}?v=${(await stat(BUILD_PATH)).mtimeMs}`)) as ServerBuild);
}

/**
 * Every route's loader, timed for Server-Timing: "data" runs from the first loader's start to the
 * last one's end (they run side by side). Marked here so no loader has to remember it.
 */
function timedLoaders(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const loader = route.module.loader;
      if (!loader) return [id, route];
      const timed: typeof loader = async (args) => {
        const timing = args.context.timing as AppLoadContext["timing"];
        timing.loadersStart ??= performance.now();
        try {
          return await loader(args);
        } finally {
          timing.loadersEnd = performance.now();
        }
      };
      return [id, { ...route, module: { ...route.module, loader: timed } }];
    }),
  );
  return { ...build, routes };
}

/**
 * A change of the map comes first (a reporter it moves is told in the same tick), then mail and
 * reminders; making the PDFs of newly frozen records can take seconds.
 */
function backgroundJobs() {
  return [successionJob(db()), roundReminderJob(db()), mailDeliveryJob(db()), frozenPdfJob(db())];
}

/** The page a refused write is shown as (app/routes/refused-write.tsx). */
const REFUSED_WRITE_PATH = "/refused-write";

/**
 * Writes must come from our own pages: browsers say so in Sec-Fetch-Site, older ones in
 * Origin. A request that proves neither is refused (CSRF defence on top of SameSite=Lax): Remix
 * gets it as a GET of the page that says so, so no action can run, and the refusal is the site's
 * error page in the reader's language. Its body is left unread (drainUnreadBody drops it).
 */
function sameOriginWrites(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get("sec-fetch-site");
  const origin = req.get("origin");
  const expected = env().APP_ORIGIN ?? `${req.protocol}://${req.get("host")}`;
  const ok = site ? site === "same-origin" : origin === expected;
  if (ok) return next();
  res.locals.writeRefused = true;
  req.method = "GET";
  // the Remix adapter builds its request from originalUrl
  req.url = req.originalUrl = REFUSED_WRITE_PATH;
  next();
}

/** HSTS and upgrading requests only make sense where the portal's public origin is HTTPS. */
function servedOverHttps(): boolean {
  return env().APP_ORIGIN?.startsWith("https://") ?? false;
}

export function createApp(build: ServerBuild | (() => Promise<ServerBuild>)) {
  const app = express();
  app.disable("x-powered-by");
  if (env().TRUST_PROXY) app.set("trust proxy", env().TRUST_PROXY);

  app.use((_req, res, next) => {
    // A 304 renews the headers a cache stored with the page (RFC 9111 §4.3.4): a new nonce in it
    // would no longer match the scripts of the kept page, so a 304 carries no policy and the
    // kept page keeps its own.
    onHeaders(res, function dropPolicyOfNotModified(this: typeof res) {
      if (this.statusCode === 304) this.removeHeader("Content-Security-Policy");
    });
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.locals.requestId = randomUUID().slice(0, 8).toUpperCase();
    res.setHeader("X-Request-Id", res.locals.requestId);
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "base-uri": ["'self'"],
          "object-src": ["'none'"],
          ...(servedOverHttps() ? { "upgrade-insecure-requests": [] } : {}),
        },
      },
      strictTransportSecurity: servedOverHttps() ? { maxAge: 31536000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  // gzip level 1 (nginx's default): pages are made anew for every request, and on a matrix of
  // thousands of cells level 6 costs a third of the request for a few kB less on the wire
  app.use(compression({ level: 1 }));
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  // only what public/ holds (the favicon): looking for every page's path on disk costs a syscall a request
  const servePublic = express.static(path.join(root, "public"), { maxAge: "1h", index: false });
  const publicNames = new Set(readdirSync(path.join(root, "public")));
  app.use((req, res, next) => (publicNames.has(req.path.split("/")[1] ?? "") ? servePublic(req, res, next) : next()));
  app.use(drainUnreadBody);
  app.use((req, res, next) => (isApiPath(req.path) ? apiGate(req, res, next) : next()));
  app.use((req, res, next) => {
    if (METHODS.has(req.method)) return next();
    res.status(405).set("Allow", "GET, HEAD, POST").type("text/plain").send("Method Not Allowed");
  });
  app.use(sameOriginWrites);
  app.use(servePublicPageKept);

  app.use(async (req, res, next) => {
    // the API is anonymous: it neither reads a session nor renews one with a cookie
    if (isApiPath(req.path)) return next();
    try {
      const auth = await authenticate(db(), req.get("cookie"));
      if (auth.setCookie) res.append("Set-Cookie", auth.setCookie);
      res.locals.user = auth.user;
      res.locals.sessionToken = auth.sessionToken;
      next();
    } catch (error) {
      next(error);
    }
  });

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env().NODE_ENV === "production" ? "production" : "development",
      getLoadContext: (req, res): AppLoadContext => ({
        requestId: res.locals.requestId,
        cspNonce: res.locals.cspNonce,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        user: res.locals.user ?? null,
        sessionToken: res.locals.sessionToken ?? null,
        writeRefused: res.locals.writeRefused === true,
        keepPublicPage: res.locals.keepPublicPage,
        requestStart: performance.now(),
        timing: {},
      }),
    }),
  );

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    console.error(`[incident ${res.locals.requestId}]`, error);
    res.status(500).type("text/plain").send(`Internal error. Incident ${res.locals.requestId}`);
  });
  return app;
}

/** Serves HTTP in this process; `withJobs` also runs the background jobs (one process serves all). */
async function serve({ withJobs }: { withJobs: boolean }) {
  const { PORT, HOST, JOB_INTERVAL_MS } = env();
  let stopJobs = async () => {};
  const server = createApp(await loadBuild()).listen(PORT, HOST, () => {
    if (!withJobs) return;
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : PORT;
    rememberListeningAddress(HOST, port);
    console.log(`Fellesløft listening on http://${HOST}:${port}`);
    // started once the port is known: links in e-mail name it when APP_ORIGIN is unset
    stopJobs = startBackgroundJobs({ intervalMs: JOB_INTERVAL_MS, jobs: backgroundJobs() });
  });
  const stop = () => {
    const jobsStopped = stopJobs();
    server.close(() => {
      void jobsStopped.then(() => db().destroy()).finally(() => process.exit(0));
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * One Node process renders one page at a time; WEB_CONCURRENCY worker processes share the port
 * (node:cluster hands out the connections) so every core renders. This primary process serves
 * nothing itself: it runs the background jobs, keeps the login rate limits for all workers, starts
 * a new worker when one dies, and stops them all on SIGTERM.
 */
function supervise(workers: number) {
  const { HOST, JOB_INTERVAL_MS, SESSION_SECRET } = env();
  new RateLimiterClusterMaster();
  // the flash cookie a worker signs must verify in the others
  const workerEnv = { SESSION_SECRET };
  let stopping = false;
  let listening = 0;
  let stopJobs = async () => {};
  cluster.on("listening", (_worker, address) => {
    listening++;
    if (listening !== workers) return;
    rememberListeningAddress(HOST, address.port);
    console.log(`Fellesløft listening on http://${HOST}:${address.port} (${workers} worker processes)`);
    stopJobs = startBackgroundJobs({ intervalMs: JOB_INTERVAL_MS, jobs: backgroundJobs() });
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        void stopJobs()
          .then(() => db().destroy())
          .finally(() => process.exit(0));
      }
      return;
    }
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting a new one`);
    cluster.fork(workerEnv);
  });
  for (let i = 0; i < workers; i++) cluster.fork(workerEnv);
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

async function main() {
  const workers = env().WEB_CONCURRENCY ?? (env().NODE_ENV === "production" ? availableParallelism() : 1);
  if (cluster.isWorker) return serve({ withJobs: false });
  await migrateToLatest(db());
  console.log(`Mail: ${describeTransport()}`);
  if (workers > 1) return supervise(workers);
  return serve({ withJobs: true });
}

await main();
