/*
 * A small in-process job runner for work that must not wait for a request: sending queued
 * e-mail, reminders before a deadline. Jobs keep their state in the database, so a restart
 * loses nothing; several server processes may each run them (the jobs claim their rows).
 */

export interface BackgroundJob {
  name: string;
  run: (now: Date) => Promise<void>;
}

/**
 * Runs the jobs one after another at start and then every `intervalMs`. The next tick is
 * scheduled only when the previous one is done, so ticks never overlap; a failing job is logged
 * and the others still run. The timer does not keep the process alive. The returned function
 * stops the runner and resolves once a tick in progress has finished.
 */
export function startBackgroundJobs({ intervalMs, jobs }: { intervalMs: number; jobs: BackgroundJob[] }): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function tick() {
    for (const job of jobs) {
      if (stopped) return;
      try {
        await job.run(new Date());
      } catch (error) {
        console.error(`[job ${job.name}] failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
      }
    }
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => schedule(intervalMs));
    }, delay);
    timer.unref();
  }

  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
