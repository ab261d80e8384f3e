/*
 * `npm run bench`: measures the production server (server.ts over the Remix build) on
 * the data sets of scripts/bench/generate.ts, one server per data set, with autocannon on
 * 127.0.0.1. Prints a table and ends with one line:
 *
 *   bench: matrix_large/baseline=<ratio> matrix_large_p95_ms=<n> matrix_stress_p95_ms=<n> pdf_ms=<n> pdf_cold_ms=<n>
 *          public_matrix_p95_ms=<n> public_api_uptake_p95_ms=<n> errors=<n>
 *
 * pdf_ms is the served PDF (kept after its first request); pdf_cold_ms the same report rendered
 * from scratch by scripts/bench/pdf-cold.ts, after the servers have stopped (a figure, no target).
 *
 * A route that answers 404 is reported as missing (NaN in that line), never as a number.
 * Targets that are missed are printed; the exit code is 0 all the same (a benchmark is not a test).
 * Exit code 1 only when the bench itself cannot run (no build, no data, server does not start).
 *
 * Environment:
 *   BENCH_SECONDS       load duration per scenario (default 10)
 *   BENCH_CONNECTIONS   concurrent connections (default 10)
 *   BENCH_PUBLIC_CONNECTIONS  concurrent connections of the public scenarios (default 50)
 *   BENCH_WARMUP        sequential requests before each scenario (default 10)
 *   BENCH_PDF_REQUESTS  sequential PDF requests (default 10)
 *   BENCH_ONLY          comma-separated scenario names, e.g. matrix_large,pdf_large
 *   BENCH_DIR           where the data sets are (default data/bench)
 *
 * The public scenarios ask as a visitor does: without a cookie, with PUBLIC_CONNECTIONS
 * connections (default 50), and every third request revalidating with the ETag of the first
 * answer (If-None-Match), as a browser or proxy holding the page does; their 304s count as served.
 *
 * Columns: req/s and latency percentiles of the 2xx responses under load (PDF: of the sequential
 * requests); errors = non-2xx + socket errors + timeouts (+ a wrong content type for CSV/PDF);
 * cpu ms/req = the server's CPU time per request, which moves less with the machine's other load
 * than latency does; route/data/render/data % = medians of the `Server-Timing` header over
 * sequential requests — route: Remix matching the URL, data: the loaders, render: React — (data %
 * = data ÷ (route + data + render) per response: the issue's "data time of the matrix request"),
 * and the same under load;
 * size = the uncompressed body; peak RSS = highest VmRSS of the server during the scenario. CPU time
 * and memory are those of the server's whole process tree (its worker processes serve).
 *
 * The server, autocannon and this script share the machine's cores, so absolute numbers move with
 * whatever else runs; the ratio to the framework baseline, measured in the same run on the same
 * server, is the number to compare between runs.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { REPO_ROOT, manifestPath, type DatasetManifest, type DatasetName, type Manifest } from "./common";

const SECONDS = positive("BENCH_SECONDS", 10);
const CONNECTIONS = positive("BENCH_CONNECTIONS", 10);
const PUBLIC_CONNECTIONS = positive("BENCH_PUBLIC_CONNECTIONS", 50);
const WARMUP = positive("BENCH_WARMUP", 10, true);
const PDF_REQUESTS = positive("BENCH_PDF_REQUESTS", 10);
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const TARGETS = { matrixLargeP95: 100, matrixStressP95: 400, pdfMs: 2000, dataShare: 0.2, publicP95: 100 };

function positive(name: string, fallback: number, zeroAllowed = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) throw new Error(`${name} must be a positive number`);
  return value;
}

type Kind = "load" | "sequential";

export interface Scenario {
  name: string;
  dataset: DatasetName;
  /** path with {slug} and {year} filled in from the data set */
  path: (d: DatasetManifest) => string;
  kind: Kind;
  /** what a good response looks like besides 2xx */
  expect?: { contentType?: RegExp; bodyStart?: string };
  /** a visitor's requests: no cookie, many connections, a share revalidating with If-None-Match */
  visitor?: boolean;
}

// One server per data set, in this order; the baseline shares the server of the large matrix so
// the two are measured side by side.
const SCENARIOS: Scenario[] = [
  { name: "baseline", dataset: "large", path: () => "/accessibility", kind: "load" },
  { name: "overview_large", dataset: "large", path: (d) => `/c/${d.slug}`, kind: "load" },
  { name: "matrix_large", dataset: "large", path: (d) => `/c/${d.slug}/matrix?year=${d.year}`, kind: "load" },
  {
    name: "csv_large",
    dataset: "large",
    path: (d) => `/c/${d.slug}/reports/${d.year}.csv`,
    kind: "load",
    expect: { contentType: /text\/csv/ },
  },
  {
    name: "pdf_large",
    dataset: "large",
    path: (d) => `/c/${d.slug}/reports/${d.year}.pdf`,
    kind: "sequential",
    expect: { contentType: /application\/pdf/, bodyStart: "%PDF" },
  },
  // the framework's floor for a visitor: the same connections, a page with no data behind it
  { name: "baseline_visitor", dataset: "large", path: () => "/accessibility", kind: "load", visitor: true },
  {
    name: "public_matrix",
    dataset: "large",
    path: (d) => `/public/${d.slug}/matrix?year=${d.year}`,
    kind: "load",
    visitor: true,
  },
  {
    name: "public_api_uptake",
    dataset: "large",
    path: (d) => `/api/v1/cooperations/${d.slug}/uptake?year=${d.year}`,
    kind: "load",
    visitor: true,
    expect: { contentType: /application\/json/ },
  },
  { name: "matrix_stress", dataset: "stress", path: (d) => `/c/${d.slug}/matrix?year=${d.year}`, kind: "load" },
  { name: "overview_national", dataset: "national", path: (d) => `/c/${d.slug}`, kind: "load" },
  { name: "matrix_national", dataset: "national", path: (d) => `/c/${d.slug}/matrix?year=${d.year}`, kind: "load" },
];

interface Timing {
  /** Remix matching the URL before the loaders run (NaN when the response does not say) */
  route: number;
  data: number;
  render: number;
}

interface Row {
  name: string;
  path: string;
  state: "ok" | "missing" | "skipped";
  /** why a route is missing or skipped, or a note on the responses */
  note?: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /**
   * Server-Timing of sequential requests (the warm-up, and the PDF's measured requests), the
   * server otherwise idle: the data/render split the targets use. Under load a request's "data"
   * span also holds the time the event loop spent rendering other requests between its queries.
   */
  timing: Timing[];
  /** Server-Timing of the responses under load */
  loadedTiming: Timing[];
  peakRssMb: number;
  /** server CPU time (user + system) per response during the measured requests */
  cpuMsPerRequest: number;
  /** uncompressed size of the first response */
  sizeKb: number;
}

export interface Server {
  url: string;
  pid: number;
  child: ChildProcess;
  output(): string;
}

// ---------------------------------------------------------------- server

const started: ChildProcess[] = [];

async function startServer(dataset: DatasetManifest): Promise<Server> {
  let output = "";
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dataset.file,
      PORT: "0",
      HOST: "127.0.0.1",
      SESSION_COOKIE_SECURE: "false",
      LOGIN_FAILURES_PER_IP: "1000000",
      LOGIN_FAILURES_PER_ACCOUNT: "1000000",
      LOGIN_FAILURES_PER_ACCOUNT_AND_IP: "1000000",
      // autocannon asks from one address, far past what one client of the read API may
      API_REQUESTS_PER_MINUTE: "100000000",
      // below 2^31 ms: a larger timer overflows and fires at once
      JOB_INTERVAL_MS: "2000000000",
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { url, pid: child.pid!, child, output: () => output };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.removeAllListeners("exit");
  await new Promise<void>((resolve) => {
    server.child.once("exit", () => resolve());
    server.child.kill("SIGTERM");
    setTimeout(() => server.child.kill("SIGKILL"), 5_000).unref();
  });
}

// only the servers this script started, by their own handles
function killStarted() {
  for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
}
function installCleanup() {
  process.on("exit", killStarted);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      killStarted();
      process.exit(130);
    });
  }
}

/** the fields of /proc/<pid>/stat after the command name (which may itself contain spaces and parentheses) */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/**
 * The server and every process under it: server.ts serves from worker processes (node:cluster),
 * so their CPU time and memory are the server's.
 */
function serverProcesses(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields) parents.set(Number(entry), Number(fields[1]));
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  return tree;
}

/** kB → MB of one line of /proc/<pid>/status summed over the server's processes, or NaN where /proc is not there */
function procStatusMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  let total = 0;
  for (const p of serverProcesses(pid)) {
    try {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (match) total += Number(match[1]) / 1024;
    } catch {
      // a process that has just ended
    }
  }
  return total > 0 ? total : NaN;
}

/** user + system CPU time of the server's processes so far, in ms (clock ticks of 10 ms) */
function cpuMs(pid: number): number {
  let total = 0;
  for (const p of serverProcesses(pid)) {
    const fields = statFields(p);
    if (fields) total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }
  return total > 0 ? total : NaN;
}

/**
 * Waits until the server has finished what it was still doing (autocannon stops at the end of
 * the duration and drops requests in flight, which the server still works through): until its CPU
 * time stays put for 300 ms, at most 60 s. Returns the CPU time then.
 */
async function cpuWhenIdle(pid: number): Promise<number> {
  let last = cpuMs(pid);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = cpuMs(pid);
    if (!(now - last > 10)) return now;
    last = now;
  }
  return last;
}

/** Samples the server's resident memory every 50 ms until stopped; returns the highest seen. */
function sampleRss(pid: number): () => number {
  let peak = procStatusMb(pid, "VmRSS");
  const timer = setInterval(() => {
    const now = procStatusMb(pid, "VmRSS");
    if (!(now <= peak)) peak = now;
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, procStatusMb(pid, "VmRSS"));
  };
}

async function login(server: Server, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => /^(__Host-)?fellesloft_session=/.test(c));
  if (response.status < 300 || response.status >= 400 || !cookie) {
    throw new Error(`login as ${email} failed: HTTP ${response.status}`);
  }
  return cookie.split(";")[0]!;
}

// ---------------------------------------------------------------- measuring

/** `route;dur=1.0, data;dur=12.3, render;dur=4.5` → { route, data, render }; undefined when data or render is absent */
export function parseServerTiming(header: string | string[] | null | undefined): Timing | undefined {
  if (!header) return undefined;
  const text = Array.isArray(header) ? header.join(",") : header;
  const durations = new Map<string, number>();
  for (const metric of text.split(",")) {
    const [name, ...params] = metric.split(";").map((s) => s.trim());
    const dur = params.map((p) => /^dur=([\d.]+)$/i.exec(p)).find(Boolean);
    if (name && dur) durations.set(name.toLowerCase(), Number(dur[1]));
  }
  const data = durations.get("data");
  const render = durations.get("render");
  return data === undefined || render === undefined ? undefined : { route: durations.get("route") ?? NaN, data, render };
}

function headerOf(headers: Record<string, unknown>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(",") : String(value);
  }
  return undefined;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

const BROWSER_HEADERS = { accept: "text/html,application/xhtml+xml,*/*", "accept-encoding": "gzip", "accept-language": "nn" };

async function timedGet(url: string, cookie: string) {
  const start = performance.now();
  const response = await fetch(url, { headers: { ...BROWSER_HEADERS, cookie }, redirect: "manual" });
  const body = Buffer.from(await response.arrayBuffer());
  return { response, body, ms: performance.now() - start };
}

function emptyRow(name: string, routePath: string, state: Row["state"], note?: string): Row {
  return {
    name,
    path: routePath,
    state,
    note,
    requests: 0,
    rps: NaN,
    p50: NaN,
    p95: NaN,
    p99: NaN,
    max: NaN,
    errors: 0,
    timing: [],
    loadedTiming: [],
    peakRssMb: NaN,
    cpuMsPerRequest: NaN,
    sizeKb: NaN,
  };
}

function badResponse(scenario: Scenario, status: number, contentType: string | null, body: Buffer): string | undefined {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  const expect = scenario.expect;
  if (expect?.contentType && !expect.contentType.test(contentType ?? "")) return `content-type ${contentType ?? "none"}`;
  if (expect?.bodyStart && !body.subarray(0, expect.bodyStart.length).equals(Buffer.from(expect.bodyStart))) return "not a PDF";
  return undefined;
}

/** Every third request of a visitor holds the answer already and asks whether it is still current. */
const REVALIDATE_EVERY = 3;

export async function runScenario(server: Server, signedIn: string, scenario: Scenario, dataset: DatasetManifest): Promise<Row> {
  const cookie = scenario.visitor ? "" : signedIn;
  const connections = scenario.visitor ? PUBLIC_CONNECTIONS : CONNECTIONS;
  const routePath = scenario.path(dataset);
  const url = server.url + routePath;

  // a route that does not exist yet is reported as missing, never measured
  const probe = await timedGet(url, cookie);
  if (probe.response.status === 404) return emptyRow(scenario.name, routePath, "missing", "404: route missing");
  const probeProblem = badResponse(scenario, probe.response.status, probe.response.headers.get("content-type"), probe.body);
  const etag = probe.response.headers.get("etag");

  const row = emptyRow(scenario.name, routePath, "ok", probeProblem ? `first response: ${probeProblem}` : undefined);
  row.sizeKb = probe.body.length / 1024;
  // the PDF is slow and its measured requests are sequential too: two warm-ups are enough
  const warmups = scenario.kind === "sequential" ? Math.min(WARMUP, 2) : WARMUP;
  for (let i = 0; i < warmups; i++) {
    const { response } = await timedGet(url, cookie);
    const timing = parseServerTiming(response.headers.get("server-timing"));
    if (timing) row.timing.push(timing);
  }

  const stopSampling = sampleRss(server.pid);
  const cpuBefore = cpuMs(server.pid);
  if (scenario.kind === "sequential") {
    const times: number[] = [];
    for (let i = 0; i < PDF_REQUESTS; i++) {
      const { response, body, ms } = await timedGet(url, cookie);
      const problem = badResponse(scenario, response.status, response.headers.get("content-type"), body);
      if (problem) {
        row.errors++;
        row.note ??= problem;
      } else {
        times.push(ms);
      }
      const timing = parseServerTiming(response.headers.get("server-timing"));
      if (timing) row.timing.push(timing);
    }
    const sorted = times.sort((a, b) => a - b);
    const total = sorted.reduce((a, b) => a + b, 0);
    Object.assign(row, {
      requests: PDF_REQUESTS,
      rps: sorted.length ? (sorted.length * 1000) / total : NaN,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
    });
  } else {
    const latencies: number[] = [];
    let wrongContent = 0;
    const served = (status: number) => (status >= 200 && status < 300) || (scenario.visitor === true && status === 304);
    const revalidating = scenario.visitor && etag ? { "if-none-match": etag } : undefined;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const request = (extra?: Record<string, string>): autocannon.Request => ({
        method: "GET",
        path: routePath,
        headers: { ...BROWSER_HEADERS, ...(cookie ? { cookie } : {}), ...extra },
        onResponse: (status, _body, _context, headers) => {
          const h = headers as unknown as Record<string, unknown>;
          const timing = parseServerTiming(headerOf(h, "server-timing"));
          if (timing) row.loadedTiming.push(timing);
          const contentType = headerOf(h, "content-type") ?? "";
          if (status >= 200 && status < 300 && scenario.expect?.contentType && !scenario.expect.contentType.test(contentType))
            wrongContent++;
        },
      });
      const instance = autocannon(
        {
          url: server.url,
          connections,
          duration: SECONDS,
          timeout: 30,
          requests: revalidating
            ? [...Array.from({ length: REVALIDATE_EVERY - 1 }, () => request()), request(revalidating)]
            : [request()],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on("response", (_client, status, _bytes, ms) => {
        if (served(status)) latencies.push(ms);
      });
    });
    const sorted = latencies.sort((a, b) => a - b);
    const stats = (result.statusCodeStats ?? {}) as Record<string, { count: number }>;
    const notModified = scenario.visitor ? (stats["304"]?.count ?? 0) : 0;
    const unserved = result.non2xx - notModified;
    // autocannon's `errors` already counts its timeouts
    row.errors = unserved + result.errors + wrongContent;
    if (unserved) row.note ??= `non-2xx: ${Object.keys(stats).join(", ")}`;
    if (notModified) row.note ??= `${notModified} answered 304`;
    if (wrongContent) row.note ??= `${wrongContent} responses with an unexpected content-type`;
    const dropped = result.requests.sent - result.requests.total;
    if (sorted.length < 5 * connections) {
      row.note ??= `only ${sorted.length} responses in ${SECONDS} s (${dropped} in flight dropped at the end): raise BENCH_SECONDS`;
    }
    Object.assign(row, {
      requests: result.requests.sent,
      rps: sorted.length / result.duration,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
    });
  }
  // per request the server received, the dropped ones included (it still served them)
  row.cpuMsPerRequest = row.requests > 0 ? ((await cpuWhenIdle(server.pid)) - cpuBefore) / row.requests : NaN;
  row.peakRssMb = stopSampling();
  return row;
}

// ---------------------------------------------------------------- output

function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

function timingSummary(timings: Timing[]) {
  if (timings.length === 0) return { route: NaN, data: NaN, render: NaN, share: NaN };
  const route = median(timings.map((t) => t.route));
  const data = median(timings.map((t) => t.data));
  const render = median(timings.map((t) => t.render));
  // the share of the request's server time (route + data + render) spent loading data, per response, median
  const share = median(
    timings.map((t) => {
      const total = (Number.isFinite(t.route) ? t.route : 0) + t.data + t.render;
      return total > 0 ? t.data / total : 0;
    }),
  );
  return { route, data, render, share };
}

function printTable(rows: Row[]) {
  const columns: [string, (r: Row) => string][] = [
    ["scenario", (r) => r.name],
    ["req/s", (r) => fmt(r.rps, 1)],
    ["p50 ms", (r) => fmt(r.p50)],
    ["p95 ms", (r) => fmt(r.p95)],
    ["p99 ms", (r) => fmt(r.p99)],
    ["max ms", (r) => fmt(r.max)],
    ["errors", (r) => String(r.errors)],
    ["cpu ms/req", (r) => fmt(r.cpuMsPerRequest, 1)],
    ["route ms", (r) => fmt(timingSummary(r.timing).route, 1)],
    ["data ms", (r) => fmt(timingSummary(r.timing).data, 1)],
    ["render ms", (r) => fmt(timingSummary(r.timing).render, 1)],
    ["data %", (r) => (r.timing.length ? `${fmt(timingSummary(r.timing).share * 100)} %` : "–")],
    [
      "loaded data/render",
      (r) =>
        r.loadedTiming.length
          ? `${fmt(timingSummary(r.loadedTiming).data, 1)}/${fmt(timingSummary(r.loadedTiming).render, 1)}`
          : "–",
    ],
    ["size KB", (r) => fmt(r.sizeKb)],
    ["peak RSS MB", (r) => fmt(r.peakRssMb)],
  ];
  const header = columns.map(([title]) => title);
  const lines = rows.map((r) =>
    r.state === "ok" ? columns.map(([, cell]) => cell(r)) : [r.name, r.state.toUpperCase(), ...columns.slice(2).map(() => "")],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const out = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(out(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(out(l));
  for (const r of rows) {
    const note = r.state === "missing" ? `MISSING: ${r.note ?? ""}` : r.note;
    console.log(`  ${r.name.padEnd(widths[0]!)}  GET ${r.path}${note ? `  — ${note}` : ""}`);
  }
}

/** The large report rendered without the kept PDFs, through a script no user can reach; NaN when it cannot run. */
function coldPdf(dataset: DatasetManifest): { ms: number; cpuMs: number } {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/bench/pdf-cold.ts", dataset.file, dataset.slug, String(dataset.year)],
    { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, BENCH_PDF_REQUESTS: String(PDF_REQUESTS) }, timeout: 600_000 },
  );
  const match = /pdf_cold_ms=(\d+) cpu_ms=(\d+)/.exec(run.stdout ?? "");
  if (!match) {
    console.log(`  pdf cold render failed: ${(run.stderr || run.stdout || String(run.error)).trim().slice(-500)}`);
    return { ms: NaN, cpuMs: NaN };
  }
  return { ms: Number(match[1]), cpuMs: Number(match[2]) };
}

// ---------------------------------------------------------------- main

async function main() {
  installCleanup();
  if (!existsSync(path.join(REPO_ROOT, "build", "index.js")) || !existsSync(path.join(REPO_ROOT, "build", "server.js"))) {
    throw new Error("No production build: run `npm run build` (or `npm run bench`, which builds first).");
  }
  if (!existsSync(manifestPath())) throw new Error(`No bench data at ${manifestPath()}: run \`tsx scripts/bench/generate.ts\`.`);
  const manifest = JSON.parse(readFileSync(manifestPath(), "utf8")) as Manifest;

  const selected = SCENARIOS.filter((s) => ONLY.size === 0 || ONLY.has(s.name));
  if (selected.length === 0) throw new Error(`BENCH_ONLY names no scenario; known: ${SCENARIOS.map((s) => s.name).join(", ")}`);
  console.log(
    `bench: ${CONNECTIONS} connections (public scenarios ${PUBLIC_CONNECTIONS}) × ${SECONDS} s per scenario, ${WARMUP} warm-up requests, ${PDF_REQUESTS} sequential PDF requests`,
  );

  const rows: Row[] = [];
  const serverPeaks: string[] = [];
  for (const datasetName of [...new Set(selected.map((s) => s.dataset))]) {
    const scenarios = selected.filter((s) => s.dataset === datasetName);
    const dataset = manifest.datasets[datasetName];
    if (!dataset || !existsSync(dataset.file)) {
      for (const s of scenarios) rows.push(emptyRow(s.name, "", "skipped", `no ${datasetName} data set: run generate.ts`));
      continue;
    }
    const c = dataset.counts;
    console.log(
      `\n[${datasetName}] ${dataset.slug}, year ${dataset.year}: ${c.cooperations} cooperations, ${c.municipalities} municipalities, ` +
        `${c.measures} measures, ${c.reports} reports`,
    );
    const server = await startServer(dataset);
    try {
      const cookie = await login(server, dataset.secretariat, manifest.password);
      for (const scenario of scenarios) {
        process.stdout.write(`  ${scenario.name} … `);
        const row = await runScenario(server, cookie, scenario, dataset);
        rows.push(row);
        console.log(
          row.state === "ok"
            ? `${fmt(row.rps, 1)} req/s, p95 ${fmt(row.p95)} ms, ${row.errors} errors${row.note ? ` (${row.note})` : ""}`
            : `${row.state}: ${row.note ?? ""}`,
        );
      }
      serverPeaks.push(`${datasetName} ${fmt(procStatusMb(server.pid, "VmHWM"))} MB`);
      if (/\[incident /.test(server.output())) {
        const incidents = server.output().match(/\[incident [^\]]+\][^\n]*/g) ?? [];
        console.log(`  server logged ${incidents.length} incident(s), first: ${incidents[0]}`);
      }
    } finally {
      await stopServer(server);
    }
  }

  const largePdf = selected.some((s) => s.name === "pdf_large") ? manifest.datasets.large : undefined;
  const cold = largePdf && existsSync(largePdf.file) ? coldPdf(largePdf) : { ms: NaN, cpuMs: NaN };

  console.log("");
  printTable(rows);
  console.log(
    "route/data/render/data %: Server-Timing medians of sequential requests (the targets' basis: data % = data ÷ (route + data + render));" +
      " loaded data/render: under load",
  );
  console.log(`peak RSS of each server over its whole run (VmHWM, its processes summed): ${serverPeaks.join(", ") || "–"}`);
  console.log(
    `pdf cold render (bench only, no kept PDF): median ${fmt(cold.ms)} ms, ${fmt(cold.cpuMs)} ms CPU per render (${PDF_REQUESTS} renders)`,
  );

  const byName = new Map(rows.filter((r) => r.state === "ok").map((r) => [r.name, r]));
  const baseline = byName.get("baseline");
  const matrixLarge = byName.get("matrix_large");
  const matrixStress = byName.get("matrix_stress");
  const pdf = byName.get("pdf_large");
  // "How many times slower than the framework baseline": baseline throughput ÷ matrix throughput
  // on the same server, same connections. Both runs saturate the server, so this is the ratio of
  // the server time each request costs; it uses every request, where a p50 ratio uses the middle one.
  const ratio = baseline && matrixLarge ? baseline.rps / matrixLarge.rps : NaN;
  const errors = rows.reduce((sum, r) => sum + r.errors, 0);
  const pdfMs = pdf ? pdf.p50 : NaN;

  // every target with its verdict; a target whose route is missing is "not measured", not met
  const verdicts: { label: string; verdict: "met" | "MISSED" | "not measured"; value: string }[] = [];
  const target = (label: string, row: Row | undefined, value: number, ok: (v: number) => boolean, shown: string) => {
    if (!row || !Number.isFinite(value)) {
      const own = rows.find((r) => label.startsWith(`${r.name} `));
      const why = !own
        ? "not run (BENCH_ONLY)"
        : own.state !== "ok"
          ? `${own.state}: ${own.note ?? ""}`
          : label.includes("data share")
            ? "no Server-Timing header"
            : (own.note ?? "no successful response");
      verdicts.push({ label, verdict: "not measured", value: why });
    } else verdicts.push({ label, verdict: ok(value) ? "met" : "MISSED", value: shown });
  };
  target(
    `matrix_large p95 < ${TARGETS.matrixLargeP95} ms`,
    matrixLarge,
    matrixLarge?.p95 ?? NaN,
    (v) => v < TARGETS.matrixLargeP95,
    `${fmt(matrixLarge?.p95 ?? NaN)} ms`,
  );
  target(
    `matrix_stress p95 < ${TARGETS.matrixStressP95} ms`,
    matrixStress,
    matrixStress?.p95 ?? NaN,
    (v) => v < TARGETS.matrixStressP95,
    `${fmt(matrixStress?.p95 ?? NaN)} ms`,
  );
  target(
    `pdf_large median < ${TARGETS.pdfMs} ms`,
    pdf,
    pdfMs,
    (v) => v < TARGETS.pdfMs,
    `${fmt(pdfMs)} ms (max ${fmt(pdf?.max ?? NaN)} ms)`,
  );
  for (const [name, r] of [
    ["matrix_large", matrixLarge],
    ["matrix_stress", matrixStress],
  ] as const) {
    const share = r ? timingSummary(r.timing).share : NaN;
    target(`${name} data share ≤ ${TARGETS.dataShare * 100} %`, r, share, (v) => v <= TARGETS.dataShare, `${fmt(share * 100)} %`);
  }
  const publicRows = (["public_matrix", "public_api_uptake"] as const).map((name) => [name, byName.get(name)] as const);
  for (const [name, r] of publicRows) {
    target(`${name} p95 < ${TARGETS.publicP95} ms`, r, r?.p95 ?? NaN, (v) => v < TARGETS.publicP95, `${fmt(r?.p95 ?? NaN)} ms`);
  }
  verdicts.push({ label: "errors = 0", verdict: errors === 0 ? "met" : "MISSED", value: String(errors) });
  console.log("targets:");
  const width = Math.max(...verdicts.map((v) => v.label.length));
  for (const v of verdicts) console.log(`  ${v.label.padEnd(width)}  ${v.verdict.padEnd(12)}  ${v.value}`);
  const missed = verdicts.filter((v) => v.verdict === "MISSED").map((v) => `${v.label} (${v.value})`);
  const unmeasured = verdicts.filter((v) => v.verdict === "not measured").length;
  console.log(
    missed.length
      ? `targets missed: ${missed.join("; ")}`
      : `targets missed: none${unmeasured ? ` (${unmeasured} not measured)` : ""}`,
  );

  const int = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : "NaN");
  console.log(
    `bench: matrix_large/baseline=${Number.isFinite(ratio) ? ratio.toFixed(2) : "NaN"} matrix_large_p95_ms=${int(
      matrixLarge?.p95 ?? NaN,
    )} ` +
      `matrix_stress_p95_ms=${int(matrixStress?.p95 ?? NaN)} pdf_ms=${int(pdfMs)} pdf_cold_ms=${int(cold.ms)} ` +
      publicRows.map(([name, r]) => `${name}_p95_ms=${int(r?.p95 ?? NaN)}`).join(" ") +
      ` errors=${errors}`,
  );
}

// run as a script; imported (e.g. to try the measuring against a stub server) it only exports
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await main();
  } catch (error) {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    killStarted();
  }
}
