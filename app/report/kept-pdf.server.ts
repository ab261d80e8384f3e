import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { DB } from "../../db/connect";
import type { FrozenPdfKind, Language } from "../../db/schema";
import { contentDisposition } from "./export/content-disposition.server";

/*
 * A PDF takes seconds of CPU to render, and what it shows changes far more rarely than it is
 * downloaded. A published report and an approved plan never change: their PDF is made once per
 * language (by the background job when they are frozen, else by the first request) and kept in
 * the database, so every server process and every restart serves the same bytes. A draft changes
 * with its data: its PDF is kept in memory for as long as the data it was made from is the same.
 * See docs/decisions/023-pdfs-made-once-and-kept.md.
 */

export interface KeptPdf {
  bytes: Buffer;
  /** a strong validator from the bytes themselves */
  etag: string;
}

/** A frozen record's PDF in one language, and how to make it. */
export interface FrozenPdfSource {
  kind: FrozenPdfKind;
  recordId: string;
  language: Language;
  render: () => Promise<Buffer>;
}

function kept(bytes: Buffer, sha256 = createHash("sha256").update(bytes).digest("hex")): KeptPdf {
  return { bytes, etag: `"${sha256}"` };
}

async function storedPdf(db: DB, key: FrozenPdfSource): Promise<KeptPdf | null> {
  const row = await db
    .selectFrom("frozen_pdf")
    .select(["bytes", "sha256"])
    .where("record_kind", "=", key.kind)
    .where("record_id", "=", key.recordId)
    .where("language", "=", key.language)
    .executeTakeFirst();
  return row ? kept(row.bytes, row.sha256) : null;
}

/** Makes of this process still running, so that readers asking at the same time wait for one render. */
const making = new Map<string, Promise<KeptPdf>>();

/**
 * Renders and stores a frozen record's PDF. Another process may store its own first (the job and a
 * request, or two servers): the insert then does nothing, and the copy kept is the one returned,
 * so every reader gets the same bytes and ETag.
 */
export function makeFrozenPdf(db: DB, source: FrozenPdfSource): Promise<KeptPdf> {
  const id = `${source.kind}|${source.recordId}|${source.language}`;
  let pending = making.get(id);
  if (!pending) {
    pending = (async () => {
      const made = kept(await source.render());
      await db
        .insertInto("frozen_pdf")
        .values({
          record_kind: source.kind,
          record_id: source.recordId,
          language: source.language,
          bytes: made.bytes,
          sha256: made.etag.slice(1, -1),
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.columns(["record_kind", "record_id", "language"]).doNothing())
        .execute();
      return (await storedPdf(db, source)) ?? made;
    })().finally(() => making.delete(id));
    making.set(id, pending);
  }
  return pending;
}

/** A frozen record's PDF: the stored one, else made now and stored. */
export async function frozenPdf(db: DB, source: FrozenPdfSource): Promise<KeptPdf> {
  return (await storedPdf(db, source)) ?? makeFrozenPdf(db, source);
}

interface DraftEntry {
  data: object;
  pdf: Promise<KeptPdf>;
}

// a large report's PDF is about a megabyte; a few drafts are open at a time
const drafts = new LRUCache<string, DraftEntry>({ max: 32 });

/**
 * A draft's PDF, kept under `key` (the record, its version and the language) while `data` — the
 * object it is made from, computed afresh whenever the data behind it changes — is the same.
 */
export function draftPdf(key: string, data: object, render: () => Promise<Buffer>): Promise<KeptPdf> {
  const hit = drafts.get(key);
  if (hit?.data === data) return hit.pdf;
  const entry: DraftEntry = { data, pdf: render().then((bytes) => kept(bytes)) };
  drafts.set(key, entry);
  // a failure is not kept: the next request tries again
  entry.pdf.catch(() => {
    if (drafts.get(key) === entry) drafts.delete(key);
  });
  return entry.pdf;
}

/** What an unchanging document is made from: the same for as long as its key is. */
const UNCHANGING = Object.freeze({});

/**
 * The PDF of a document that never changes under `key` but is not a record of its own (the
 * public copy of a published report, without the names of users): kept in memory, made again
 * only after the cache let it go.
 */
export function unchangingPdf(key: string, render: () => Promise<Buffer>): Promise<KeptPdf> {
  return draftPdf(key, UNCHANGING, render);
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const value = tag.trim().replace(/^W\//, "");
    return value === "*" || value === etag;
  });
}

/**
 * The PDF as a download. The browser may keep it but asks again every time (the rights are
 * checked on every request before this); a copy it already has is answered with 304 and no body.
 */
export function pdfResponse(
  request: Request,
  pdf: KeptPdf,
  { fileName, timing }: { fileName: string; timing: string },
): Response {
  const headers = {
    "Cache-Control": "private, no-cache",
    ETag: pdf.etag,
    "Server-Timing": timing,
  };
  if (matchesEtag(request.headers.get("If-None-Match"), pdf.etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(pdf.bytes), {
    headers: { ...headers, "Content-Type": "application/pdf", "Content-Disposition": contentDisposition(fileName) },
  });
}
