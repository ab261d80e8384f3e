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
 * The origin an answer names itself under (a catalogue's IRIs, a list's next page): APP_ORIGIN,
 * else the address the request was sent to. A worker process does not know where its primary
 * listens, but every request says where it was sent.
 */
export function requestOrigin(request: Request): string {
  return env().APP_ORIGIN ? appOrigin() : new URL(request.url).origin;
}
