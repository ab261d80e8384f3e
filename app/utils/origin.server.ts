import { env } from "../env.server";

/*
 * Links that leave the browser (e-mail) need an absolute origin, and a background job has no
 * request to take it from. APP_ORIGIN names the public origin; without it we fall back to where
 * this process listens, which is right for the demo and for tests on 127.0.0.1.
 *
 * server.ts and the Remix build are separate module graphs, so the listening address is kept
 * on globalThis (as app/db.server.ts keeps the pool) for code in the build to see it too.
 */

const holder = globalThis as unknown as { __fellesloftListeningOrigin?: string };

/** server.ts calls this once it listens: with PORT=0 only then is the port known. */
export function rememberListeningAddress(host: string, port: number): void {
  holder.__fellesloftListeningOrigin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** The origin links in e-mail start with, e.g. `https://fellesloft.kommune.no` (no trailing slash). */
export function appOrigin(): string {
  const { APP_ORIGIN, HOST, PORT } = env();
  if (APP_ORIGIN) return new URL(APP_ORIGIN).origin;
  return holder.__fellesloftListeningOrigin ?? `http://${HOST.includes(":") ? `[${HOST}]` : HOST}:${PORT}`;
}

/** An absolute URL for a path of this portal, e.g. `absoluteUrl("/c/fosen/rounds/…")`. */
export function absoluteUrl(path: string): string {
  return new URL(path, `${appOrigin()}/`).href;
}

/**
 * The origin absolute links in an answer start with: APP_ORIGIN, else the one the request came
 * to. A worker process never learns the listening port, so appOrigin() is no answer there. A
 * cache keeps an answer under its own host, so a made-up Host header only ever reaches its sender.
 */
export function originOf(request: Request): string {
  const { APP_ORIGIN } = env();
  return new URL(APP_ORIGIN ?? request.url).origin;
}
