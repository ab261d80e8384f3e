/** A year's plan page; `versionNo` for an older version (safe on the client and the server). */
export function planUrl(slug: string, year: number, versionNo?: number): string {
  return `/c/${slug}/plans/${year}${versionNo ? `?version=${versionNo}` : ""}`;
}
