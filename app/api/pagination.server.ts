import { z } from "zod";

/*
 * Lists are paged by offset: the data behind a list is small (a cooperation's measures, a year's
 * matrix) and read whole, and an offset lets a client jump to a page. `next` is absolute, so a
 * client follows it without knowing how it is built.
 */

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export const PAGE_QUERY = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .describe(`How many items a page holds (1–${MAX_LIMIT})`),
  offset: z.coerce.number().int().min(0).default(0).describe("How many items to skip"),
};

export interface Page<T> {
  count: number;
  results: T[];
  next: string | null;
}

/** One page of `items`; `url` is the absolute URL asked for, whose other parameters the next page keeps. */
export function pageOf<T>(items: readonly T[], { limit, offset }: { limit: number; offset: number }, url: URL): Page<T> {
  const end = offset + limit;
  let next: string | null = null;
  if (end < items.length) {
    const following = new URL(url);
    following.searchParams.set("limit", String(limit));
    following.searchParams.set("offset", String(end));
    next = following.href;
  }
  return { count: items.length, results: items.slice(offset, end), next };
}
