/*
 * Starts the real production server (server.ts as `npm run build` compiled it, over the Remix build)
 * on 127.0.0.1 with its own copy of the demo database, as a user would meet it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from "vitest";
import { connect, type DB } from "../../db/connect";
import type { DialectName } from "../../db/dialect";
import { testDatabases } from "./databases";

export interface TestServer {
  url: string;
  origin: string;
  dbFile: string;
  /** a second connection to the server's database, for asserting what changed */
  db: DB;
  /** the server's primary process (its workers are its children) */
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** By default on a fresh copy of the demo SQLite file; `databaseUrl` points it at another (e.g. PostgreSQL) database. */
export async function startServer(env: Record<string, string> = {}, options: { databaseUrl?: string } = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fellesloft-srv-"));
  const dbFile = options.databaseUrl ?? path.join(dir, "fellesloft.sqlite");
  if (!options.databaseUrl) copyFileSync(inject("demoDbTemplate"), dbFile);
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["build/server.js"], {
    cwd: path.resolve("."),
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbFile,
      PORT: "0",
      HOST: "127.0.0.1",
      LOGIN_FAILURES_PER_IP: "100000",
      LOGIN_FAILURES_PER_ACCOUNT: "100000",
      LOGIN_FAILURES_PER_ACCOUNT_AND_IP: "100000",
      // every suite asks from 127.0.0.1; the read API's test of its limit sets a low one
      API_REQUESTS_PER_MINUTE: "100000",
      // two worker processes, as on the 2-core machines this runs on in production: what one worker
      // keeps (login counts, flash cookies) must hold in the other
      WEB_CONCURRENCY: "2",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const db = connect(dbFile);
  return {
    url,
    origin: url,
    dbFile,
    db,
    pid: child.pid!,
    output: () => output,
    async stop() {
      await db.destroy();
      child.removeAllListeners("exit");
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Chooses the account's language with the header's form, as a user does (the choice follows the user). */
export async function chooseLanguage(server: TestServer, cookie: string, lang: string): Promise<void> {
  const response = await fetch(`${server.url}/language`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ lang, redirectTo: "/" }),
  });
  if (response.status !== 302) throw new Error(`choosing ${lang} answered ${response.status}`);
}

/** Logs in over HTTP as a browser form would and returns the session cookie ("name=value"). */
export async function loginCookie(server: TestServer, email: string, password = "fellesloft-demo"): Promise<string> {
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
  });
  const setCookie = response.headers.getSetCookie().find((c) => c.includes("fellesloft_session="));
  if (response.status !== 302 || !setCookie) throw new Error(`login as ${email} failed: ${response.status}`);
  return setCookie.split(";")[0];
}

export interface DemoServerKind {
  name: DialectName;
  /** the production server on a fresh copy of the demo data; `close` drops its database */
  open(): Promise<{ server: TestServer; close(): Promise<void> }>;
}

/** The demo served from SQLite, and from PostgreSQL where it is available (always in CI). */
export function demoServerKinds(): DemoServerKind[] {
  return testDatabases().map((database) => ({
    name: database.name,
    async open() {
      if (database.name === "sqlite") return { server: await startServer(), close: async () => {} };
      const opened = await database.openDemo();
      return { server: await startServer({}, { databaseUrl: opened.url }), close: opened.close };
    },
  }));
}

/**
 * The suite's tests once for each database the demo runs on, each time against a server of its
 * own on a fresh copy of the demo data; `use` is handed the server before the first test.
 */
export function onEachDemoDatabase(use: (server: TestServer) => void, tests: () => void): void {
  for (const kind of demoServerKinds()) {
    describe(`on ${kind.name}`, () => {
      let opened: Awaited<ReturnType<DemoServerKind["open"]>> | undefined;
      beforeAll(async () => {
        opened = await kind.open();
        use(opened.server);
      });
      afterAll(async () => {
        await opened?.server.stop();
        await opened?.close();
      });
      tests();
    });
  }
}

/**
 * A server of the calling suite's own, started before its first test and stopped after its last,
 * for suites whose writes (rounds opened, logins failed, workers killed) must not reach another's.
 */
export function serverForSuite(use: (server: TestServer) => void | Promise<void>, env: Record<string, string> = {}): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    await use(server);
  });
  afterAll(async () => {
    await server?.stop();
  });
}

/**
 * A server of each test's own, for suites whose tests write what their neighbours read (a report
 * published, a status reported): each test starts from the demo data, in any order.
 */
export function serverForEachTest(use: (server: TestServer) => void, env: Record<string, string> = {}): void {
  let server: TestServer | undefined;
  beforeEach(async () => {
    server = await startServer(env);
    use(server);
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
}
