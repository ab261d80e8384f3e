/*
 * A throwaway PostgreSQL cluster on 127.0.0.1 for the tests, made with Debian's
 * PostgreSQL binaries (initdb as an unprivileged user). Started once per
 * test run by the global setup; each test file gets its own database in it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, chownSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const PG_BIN_CANDIDATES = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

export function findPgBin(): string | null {
  return PG_BIN_CANDIDATES.find((dir) => existsSync(path.join(dir, "initdb"))) ?? null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface PgCluster {
  url: string;
  stop(): void;
}

/** Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root). */
function run(bin: string, args: string[], asPostgres: boolean) {
  const result = asPostgres
    ? spawnSync("runuser", ["-u", "postgres", "--", bin, ...args], { encoding: "utf8" })
    : spawnSync(bin, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`);
}

export async function startPostgres(pgBin: string): Promise<PgCluster> {
  const isRoot = process.getuid?.() === 0;
  const base = mkdtempSync(path.join(os.tmpdir(), "fellesloft-pg-"));
  const dataDir = path.join(base, "data");
  const sockDir = path.join(base, "sock");
  mkdirSync(sockDir);
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(base, uid, gid);
    chownSync(sockDir, uid, gid);
  }
  const port = await freePort();
  run(path.join(pgBin, "initdb"), ["-D", dataDir, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"], isRoot);
  run(
    path.join(pgBin, "pg_ctl"),
    [
      "-D",
      dataDir,
      "-l",
      path.join(base, "pg.log"),
      "-o",
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${sockDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      "-w",
      "start",
    ],
    isRoot,
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(path.join(pgBin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], isRoot);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

/** The URL of another database on the same cluster as `url`. */
export function databaseUrl(url: string, name: string): string {
  return url.replace(/\/[^/]*$/, `/${name}`);
}
