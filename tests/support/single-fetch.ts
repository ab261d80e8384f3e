/*
 * Reading Remix's single-fetch answers (`/path.data`) as the browser does: the body is a
 * turbo-stream, decoded here with the same plugins as @remix-run/react's decodeViaTurboStream
 * (turbo-stream is the exact version both @remix-run packages pin). A loader's redirect arrives as
 * 202 with the target in the payload; an action's redirect as 202 with the payload itself
 * naming it.
 */
import { decode } from "turbo-stream";

/** Where a decoded answer tells the browser to go. */
export interface SingleFetchRedirect {
  redirect: string;
  status: number;
}

/** One route's part of a loaders answer, or an action's answer. */
export type SingleFetchResult = { data: unknown } | { error: unknown };

/** An error a loader or action threw as a Response, as single fetch sends it. */
export interface DecodedErrorResponse {
  kind: "ErrorResponse";
  status: number;
  data: unknown;
}

const REDIRECT = Symbol("SingleFetchRedirect");

export function singleFetchUrl(path: string, routes?: readonly string[]): string {
  const [pathname, search = ""] = path.split("?");
  const url = `${pathname === "/" ? "/_root" : pathname.replace(/\/$/, "")}.data`;
  const params = new URLSearchParams(search);
  if (routes) params.set("_routes", routes.join(","));
  const query = params.toString().replace(/^index=(&|$)/, "index$1");
  return query ? `${url}?${query}` : url;
}

export async function decodeSingleFetch(body: string): Promise<unknown> {
  const decoded = await decode(new Blob([body]).stream(), {
    plugins: [
      (type, ...rest) => {
        if (type === "SanitizedError") return { value: { kind: "SanitizedError", name: rest[0], message: rest[1] } };
        if (type === "ErrorResponse") return { value: { kind: "ErrorResponse", data: rest[0], status: rest[1] } };
        if (type === "SingleFetchRedirect") return { value: { [REDIRECT]: rest[0] } };
      },
      (type, value) => {
        if (type === "SingleFetchFallback") return { value: undefined };
        if (type === "SingleFetchClassInstance") return { value };
      },
    ],
  });
  await decoded.done;
  return decoded.value;
}

/** The redirect a 202 answer carries, for a loaders request (wrapped) or an action (bare). */
export function redirectOf(status: number, value: unknown): SingleFetchRedirect | null {
  if (status !== 202 || !value || typeof value !== "object") return null;
  const target = REDIRECT in value ? (value as Record<typeof REDIRECT, unknown>)[REDIRECT] : value;
  if (!target || typeof target !== "object") return null;
  const { redirect, status: redirectStatus } = target as Record<string, unknown>;
  return typeof redirect === "string" && typeof redirectStatus === "number" ? { redirect, status: redirectStatus } : null;
}

export function isErrorResponse(value: unknown, status?: number): value is DecodedErrorResponse {
  if (!value || typeof value !== "object" || (value as { kind?: unknown }).kind !== "ErrorResponse") return false;
  return status === undefined || (value as DecodedErrorResponse).status === status;
}

/** A loaders answer's results by route id (a redirect or a decoding failure has none). */
export function routeResults(value: unknown): Record<string, SingleFetchResult> {
  if (!value || typeof value !== "object" || REDIRECT in value) return {};
  return value as Record<string, SingleFetchResult>;
}
