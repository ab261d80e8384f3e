import type { SubmissionResult } from "@conform-to/react";
import { json } from "@remix-run/node";
import type { FormReply } from "./form-reply";

/*
 * Reading a form's body, the one way every action does it: only the two encodings a browser's
 * form sends, no more than a form can hold, and a body that cannot be read is the sender's
 * error (400), not ours. The refusals are thrown as answers the error page translates.
 */

/** The largest form: a measure with every text at its maximum, in multi-byte characters, fits several times. */
export const FORM_MAX_BYTES = 1024 * 1024;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function refuse(status: 400 | 413 | 415): Response {
  const text = { 400: "Bad Request", 413: "Payload Too Large", 415: "Unsupported Media Type" }[status];
  return new Response(text, { status });
}

/**
 * The body's bytes, read no further than `maxBytes` (a sender may announce less than it sends).
 * What a refusal leaves unread, server.ts reads and drops once the answer is sent.
 */
async function readLimited(request: Request, maxBytes: number): Promise<Blob> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw refuse(413);
  if (!request.body) return new Blob([]);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw refuse(400);
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.releaseLock();
      throw refuse(413);
    }
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[]);
}

export async function readForm(request: Request, { maxBytes = FORM_MAX_BYTES } = {}): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  const mediaType = type.split(";")[0].trim().toLowerCase();
  if (!FORM_TYPES.includes(mediaType)) throw refuse(415);
  const bytes = await readLimited(request, maxBytes);
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw refuse(400);
  }
}

/**
 * The one answer an action gives a form it does not redirect from (see FormReply): 400 for what
 * the form must correct, 409 for a refusal the data gives (a stale version, a state that moved on).
 */
export function formReply(
  result: SubmissionResult<string[]>,
  {
    status = 400,
    stale = false,
    form = null,
    headers,
  }: { status?: 400 | 409 | 429; stale?: boolean; form?: string | null; headers?: HeadersInit } = {},
) {
  return json<FormReply>({ result, stale, form }, { status, headers });
}
