import { byNorwegianName } from "../i18n/collate";
import { historyAnchors } from "./history-anchors";
import type { MunicipalityTimeline } from "./history.server";

/**
 * The history section's parts, by municipality name: every municipality that has reported, and
 * every one the uptake matrix links here from a cell, with its anchor (history-anchors.ts) and its
 * timeline, or none when it has not reported.
 */
export function historyParts(
  members: { municipalityId: string; number: string; name: string }[],
  timelines: MunicipalityTimeline[],
  inMatrix: Set<string>,
) {
  const anchors = historyAnchors(members.map((m) => ({ id: m.municipalityId, number: m.number })));
  const reported = new Set(timelines.map((tl) => tl.municipalityId));
  const unreported = members
    .filter((m) => inMatrix.has(m.municipalityId) && !reported.has(m.municipalityId))
    .map((m) => ({ municipalityId: m.municipalityId, name: m.name, entries: null }));
  return [
    ...timelines.map((tl) => ({ municipalityId: tl.municipalityId, name: tl.municipalityName, entries: tl.entries })),
    ...unreported,
  ]
    .map((part) => ({ ...part, anchor: anchors.get(part.municipalityId) }))
    .sort(byNorwegianName((part) => part.name));
}
