/*
 * A/B of the framework patches (patches/, decision 032): what each patch buys in server CPU per
 * request, measured on two production servers that run side by side, in the same run.
 *
 *   npm run build && npx tsx scripts/bench/patch-ab.ts --without=<names> [--with=<patch files>]
 *
 * --without  the patches side B leaves out: parts of their file names (router, react,
 *            server-runtime, react-router-dom) or "all"; side A has every patch of --with.
 *            A name no patch has (--without=none) gives two equal sides: the noise of the run.
 * --with     side A's patches (default patches/*.patch), to measure a patch before the shared
 *            node_modules has it.
 * --installed  the patches the shared node_modules has applied (default patches/*.patch): they are
 *            reversed on copies of the packages to get them as published.
 * --rounds (8), --requests (150 per page per server and round).
 *
 * Each side is a directory under AB_DIR (/tmp/ab): a copy of build/, public/, app/locales/ and
 * package.json, and a node_modules of symlinks to this repository's packages except the patched
 * ones, which are fresh copies with the side's patches. The servers run with --preserve-symlinks, so a symlinked package
 * loads its dependencies from the side's node_modules too. Both use one process (WEB_CONCURRENCY=1)
 * on one demo SQLite database, made by scripts/setup.ts when missing, and are signed in as the
 * demo secretariat. A round sends each page's requests to one server, then the other, the order
 * reversed every other round, and reads both processes' CPU time (utime + stime, /proc/PID/stat).
 * The figure per page is the median over rounds of the round's ratio of CPU per request, B ÷ A.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./common";

const SLUG = "ekommune-sunnmore";
const PAGES = ["/accessibility", `/c/${SLUG}`, `/c/${SLUG}/matrix`, `/c/${SLUG}/matrix.data`];
const USER = "sekretariat@ekommune-sunnmore.example";
const PASSWORD = "fellesloft-demo";
const AB_DIR = process.env.AB_DIR ?? "/tmp/ab";
const PORTS = { A: 3400, B: 3401 };

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

function patchList(value: string | undefined): string[] {
  if (value === undefined) {
    const dir = path.join(REPO_ROOT, "patches");
    return readdirSync(dir)
      .filter((f) => f.endsWith(".patch"))
      .map((f) => path.join(dir, f));
  }
  return value
    .split(",")
    .filter(Boolean)
    .map((f) => path.resolve(f));
}

/** `@remix-run+server-runtime+2.17.5.patch` → `@remix-run/server-runtime` (patch-package's naming) */
function packageOf(patchFile: string): string {
  return path.basename(patchFile, ".patch").split("+").slice(0, -1).join("/");
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} in ${cwd}:\n${result.stdout}${result.stderr}`);
}

function linkPackages(from: string, to: string, copied: Set<string>, scope = "") {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const name = scope ? `${scope}/${entry}` : entry;
    if (copied.has(name)) continue;
    if (!scope && entry.startsWith("@")) linkPackages(path.join(from, entry), path.join(to, entry), copied, entry);
    else symlinkSync(path.join(from, entry), path.join(to, entry));
  }
}

/** A side's directory; prints how many patched places each copied package has, to check the copy. */
function makeSide(label: string, patches: string[], installed: string[]): string {
  const dir = path.join(AB_DIR, label);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const item of ["build", "public", "package.json", "app/locales"])
    cpSync(path.join(REPO_ROOT, item), path.join(dir, item), { recursive: true });
  const modules = realpathSync(path.join(REPO_ROOT, "node_modules"));
  const copied = new Set([...installed, ...patches].map(packageOf));
  linkPackages(modules, path.join(dir, "node_modules"), copied);
  for (const name of copied) cpSync(path.join(modules, name), path.join(dir, "node_modules", name), { recursive: true });
  for (const patch of installed) run("patch", ["-R", "-p1", "--silent", "-i", patch], dir);
  for (const patch of patches) run("patch", ["-p1", "--silent", "-i", patch], dir);
  for (const name of copied) {
    const marks = spawnSync("grep", ["-rc", "Fellesløft patch", path.join(dir, "node_modules", name)]);
    const count = String(marks.stdout)
      .split("\n")
      .reduce((sum, line) => sum + Number(line.split(":").pop() || 0), 0);
    console.log(`  ${label}: ${name} has ${count} "Fellesløft patch" comment(s)`);
  }
  return dir;
}

interface Server {
  url: string;
  pid: number;
  child: ChildProcess;
  cookie: string;
}

const started: ChildProcess[] = [];
process.on("exit", () => started.forEach((c) => c.exitCode === null && c.kill("SIGKILL")));

async function startServer(dir: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, ["--preserve-symlinks", "build/server.js"], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: path.join(AB_DIR, "demo.sqlite"),
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_CONCURRENCY: "1",
      SESSION_COOKIE_SECURE: "false",
      // below 2^31 ms: a larger timer overflows and fires at once
      JOB_INTERVAL_MS: "2000000000",
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server in ${dir} exited with ${code}:\n${output}`)));
  });
  const response = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: USER, password: PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("fellesloft_session="));
  if (!cookie) throw new Error(`login failed on ${url}: HTTP ${response.status}`);
  return { url, pid: child.pid!, child, cookie: cookie.split(";")[0]! };
}

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU ms per request of `count` sequential requests for one page */
async function measure(server: Server, page: string, count: number): Promise<number> {
  const before = cpuMs(server.pid);
  for (let i = 0; i < count; i++) {
    const response = await fetch(server.url + page, { headers: { Cookie: server.cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
  }
  return (cpuMs(server.pid) - before) / count;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main() {
  const rounds = Number(option("rounds") ?? 8);
  const requests = Number(option("requests") ?? 150);
  const withPatches = patchList(option("with"));
  const installed = patchList(option("installed"));
  const leftOut = (option("without") ?? "").split(",").filter(Boolean);
  if (leftOut.length === 0) throw new Error("name the patches side B leaves out: --without=router,… or --without=all");
  const matches = (patch: string) => leftOut.some((n) => n === "all" || packageOf(patch).replace("@remix-run/", "") === n);
  const withoutPatches = withPatches.filter((p) => !matches(p));

  if (!existsSync(path.join(AB_DIR, "demo.sqlite"))) {
    mkdirSync(AB_DIR, { recursive: true });
    const setup = spawnSync("npx", ["tsx", "scripts/setup.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: path.join(AB_DIR, "demo.sqlite") },
      stdio: "inherit",
    });
    if (setup.status !== 0) throw new Error("scripts/setup.ts failed");
  }
  console.log(`A: ${withPatches.map((p) => path.basename(p)).join(", ") || "no patches"}`);
  console.log(`B: ${withoutPatches.map((p) => path.basename(p)).join(", ") || "no patches"}`);
  const sides = { A: makeSide("A", withPatches, installed), B: makeSide("B", withoutPatches, installed) };
  const servers = { A: await startServer(sides.A, PORTS.A), B: await startServer(sides.B, PORTS.B) };
  const load = [loadavg()[0]!];
  for (const page of PAGES) for (const s of [servers.A, servers.B]) await measure(s, page, 20);

  const ratios = new Map<string, number[]>(PAGES.map((p) => [p, []]));
  const perRequest = new Map<string, { A: number[]; B: number[] }>(PAGES.map((p) => [p, { A: [], B: [] }]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? (["B", "A"] as const) : (["A", "B"] as const);
    for (const page of PAGES) {
      const cpu = { A: 0, B: 0 };
      for (const side of order) cpu[side] = await measure(servers[side], page, requests);
      ratios.get(page)!.push(cpu.B / cpu.A);
      perRequest.get(page)!.A.push(cpu.A);
      perRequest.get(page)!.B.push(cpu.B);
    }
    load.push(loadavg()[0]!);
  }

  console.log(`\nB ÷ A, CPU per request, median of ${rounds} rounds of ${requests} requests (without ${leftOut.join(", ")})`);
  for (const page of PAGES) {
    const r = ratios.get(page)!;
    const ms = perRequest.get(page)!;
    console.log(
      `${page.padEnd(34)} ${median(r).toFixed(3)}   A ${median(ms.A).toFixed(2)} ms, B ${median(ms.B).toFixed(2)} ms   rounds: ${r.map((x) => x.toFixed(2)).join(" ")}`,
    );
  }
  console.log(`load (1 min) over the run: ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}`);
  for (const s of [servers.A, servers.B]) s.child.kill("SIGTERM");
}

await main();
