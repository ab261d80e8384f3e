/**
 * The fragment of each municipality's part of a measure page's history, for links straight to it
 * (the uptake matrix's cells): `history-{municipality number}`, a name a reader recognises in a
 * URL. Numbers are reused (a merged municipality's number can go to a later one), so a number two
 * of the cooperation's municipalities have held gets a counter in the order of their ids. Both the
 * matrix and the measure page pass every municipality that has been a member, so they agree.
 */
export function historyAnchors(municipalities: { id: string; number: string }[]): Map<string, string> {
  const byNumber = new Map<string, string[]>();
  for (const m of municipalities) {
    const ids = byNumber.get(m.number) ?? [];
    if (!ids.includes(m.id)) ids.push(m.id);
    byNumber.set(m.number, ids);
  }
  const anchors = new Map<string, string>();
  for (const [number, ids] of byNumber) {
    if (ids.length === 1) anchors.set(ids[0]!, `history-${number}`);
    else [...ids].sort().forEach((id, i) => anchors.set(id, `history-${number}-${i + 1}`));
  }
  return anchors;
}
