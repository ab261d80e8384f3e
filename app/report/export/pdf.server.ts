import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Language } from "../../../db/schema";
import type { PlanSnapshot } from "../../plan/snapshot.server";
import type { ReportDocument } from "../figures";
import { assertPdfFonts } from "./fonts.server";

/*
 * PDF rendering is CPU-bound for seconds (layout of thousands of table cells), and the server has
 * one JavaScript thread for every user. So a PDF is rendered in a worker thread and the request
 * only awaits the bytes; other requests are served meanwhile.
 *
 * How the worker starts, in development and in production alike: the worker's entry is
 * app/report/export/pdf-worker.mjs, plain JavaScript that registers tsx in the worker thread and
 * imports the TypeScript source pdf-worker.server.ts. The source is always there: the server
 * runs with tsx from the repository (`NODE_ENV=production tsx server.ts`). Only this file is
 * bundled into build/index.js by Remix, so import.meta.url alone cannot locate the worker;
 * pdfWorkerFile() looks next to this module (source: tsx, vitest), then from the bundle's folder
 * (<root>/build → <root>/app/report/export), then from the working directory. `--import tsx` in
 * the worker's execArgv would not do: tsx registers its hooks on the main thread only. The worker
 * loads React PDF and the fonts; the request thread never does, which also keeps start-up fast.
 *
 * A small pool: one worker per spare core (one on two cores), kept warm for a minute after its
 * last job (loading React PDF and the font takes about a second), jobs beyond that wait in line.
 */

export type PdfMeta = { cooperationName: string; language: Language };

export type PdfJob = { kind: "report"; doc: ReportDocument } | { kind: "plan"; snapshot: PlanSnapshot; meta: PdfMeta };

export type PdfReply =
  { id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; name: string; message: string; stack?: string };

const WORKER_FILE = "pdf-worker.mjs";
const WORKER_DIR = path.join("app", "report", "export");
const POOL_SIZE = Math.max(1, Math.min(2, os.availableParallelism() - 1));
const IDLE_MS = 60_000;
const JOB_TIMEOUT_MS = 120_000;

let workerFile: string | undefined;

export function pdfWorkerFile(): string {
  if (workerFile) return workerFile;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.join(here, WORKER_FILE),
    path.join(here, "..", WORKER_DIR, WORKER_FILE),
    path.join(process.cwd(), WORKER_DIR, WORKER_FILE),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`The PDF worker ${WORKER_FILE} was not found; looked in: ${candidates.join(", ")}`);
  workerFile = found;
  return found;
}

interface Task {
  id: number;
  job: PdfJob;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const slots = new Set<Slot>();
const queue: Task[] = [];
let nextId = 1;

function startWorker(): Slot {
  // no inherited flags: the worker needs none, and a test runner's or tsx's would only get in the way
  const worker = new Worker(pathToFileURL(pdfWorkerFile()), { execArgv: [] });
  const slot: Slot = { worker, task: null, timer: null };
  const fail = (error: Error) => {
    slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    slot.task?.reject(error);
    slot.task = null;
    pump();
  };
  worker.on("message", (reply: PdfReply) => {
    const task = slot.task;
    if (!task || reply.id !== task.id) return;
    slot.task = null;
    if (slot.timer) clearTimeout(slot.timer);
    if (reply.ok) task.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    else task.reject(Object.assign(new Error(reply.message), { name: reply.name, stack: reply.stack }));
    idle(slot);
    pump();
  });
  worker.on("error", (error) => fail(error));
  worker.on("exit", (code) => fail(new Error(`The PDF worker stopped (exit code ${code})`)));
  slots.add(slot);
  return slot;
}

/** An idle worker must not keep a script or a test run alive, and goes away after a while. */
function idle(slot: Slot) {
  slot.worker.unref();
  slot.timer = setTimeout(() => {
    slots.delete(slot);
    void slot.worker.terminate();
  }, IDLE_MS);
  slot.timer.unref();
}

function pump() {
  while (queue.length > 0) {
    let slot = [...slots].find((s) => s.task === null);
    if (!slot && slots.size < POOL_SIZE) slot = startWorker();
    if (!slot) return;
    const task = queue.shift()!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = task;
    // a busy worker keeps the process alive, so `await reportPdf(…)` in a script gets its answer
    slot.worker.ref();
    const running = slot;
    running.timer = setTimeout(() => {
      if (running.task !== task) return;
      // the task is taken off the worker first, so its exit handler does not reject it again, less clearly
      running.task = null;
      task.reject(new Error(`Rendering the PDF took longer than ${JOB_TIMEOUT_MS / 1000} s and was stopped`));
      slots.delete(running);
      void running.worker.terminate();
      pump();
    }, JOB_TIMEOUT_MS);
    running.worker.postMessage({ id: task.id, job: task.job });
  }
}

function render(job: PdfJob): Promise<Buffer> {
  // checked here as well as in the worker: the missing package is then named at once, in this stack
  assertPdfFonts();
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, job, resolve, reject });
    pump();
  });
}

/** The annual status report as an A4 PDF (title page, each section's text and tables). */
export function reportPdf(doc: ReportDocument): Promise<Buffer> {
  return render({ kind: "report", doc });
}

/** The approved action plan as an A4 PDF: the decision, the items, each municipality's cost share. */
export function planPdf(snapshot: PlanSnapshot, meta: PdfMeta): Promise<Buffer> {
  return render({ kind: "plan", snapshot, meta });
}

/** Stops the PDF workers (for tests and graceful shutdown); jobs still running are rejected. */
export async function stopPdfWorkers(): Promise<void> {
  const all = [...slots];
  slots.clear();
  await Promise.all(
    all.map((slot) => {
      if (slot.timer) clearTimeout(slot.timer);
      return slot.worker.terminate();
    }),
  );
}
