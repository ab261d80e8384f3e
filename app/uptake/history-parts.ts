import { byNorwegianName } from "../i18n/collate";
import { historyAnchors } from "./history-anchors";
import type { MapChangeLink, MunicipalityTimeline } from "./history.server";

/** Another part of the history, linked: a predecessor's before a change of the map, or a successor's after. */
export interface LinkedPart {
  name: string;
  number: string;
  anchor: string;
  date: string;
}

/**
 * The history section's parts, by municipality name: every municipality that has reported, and
 * every one the uptake matrix links here from a cell, with its anchor (history-anchors.ts) and its
 * timeline, or none when it has not reported. Where the map changed between two of them, each
 * links the other: the successor to its predecessors' histories ("before"), a predecessor to where
 * its history runs on ("after").
 */
export function historyParts(
  members: { municipalityId: string; number: string; name: string }[],
  timelines: MunicipalityTimeline[],
  inMatrix: Set<string>,
  changes: MapChangeLink[] = [],
) {
  const anchors = historyAnchors(members.map((m) => ({ id: m.municipalityId, number: m.number })));
  const reported = new Set(timelines.map((tl) => tl.municipalityId));
  const unreported = members
    .filter((m) => inMatrix.has(m.municipalityId) && !reported.has(m.municipalityId))
    .map((m) => ({ municipalityId: m.municipalityId, name: m.name, entries: null }));
  const numberOf = (id: string) => members.find((m) => m.municipalityId === id)?.number;
  const all = [
    ...timelines.map((tl) => ({ municipalityId: tl.municipalityId, name: tl.municipalityName, entries: tl.entries })),
    ...unreported,
  ];
  // a merger can leave several municipalities of one name (Ålesund 1504, 1507, 1508): the number tells them apart
  const labelled = (part: (typeof all)[number]) =>
    all.some((other) => other.name === part.name && other.municipalityId !== part.municipalityId) && numberOf(part.municipalityId)
      ? `${part.name} (${numberOf(part.municipalityId)})`
      : part.name;
  return all
    .map((part) => ({ ...part, label: labelled(part), anchor: anchors.get(part.municipalityId) }))
    .map((part, _, parts) => {
      const linked = (id: string, date: string): LinkedPart[] => {
        const other = parts.find((p) => p.municipalityId === id);
        const member = members.find((m) => m.municipalityId === id);
        return other?.anchor && member ? [{ name: member.name, number: member.number, anchor: other.anchor, date }] : [];
      };
      return {
        ...part,
        before: changes.filter((c) => c.successorId === part.municipalityId).flatMap((c) => linked(c.predecessorId, c.date)),
        after: changes.filter((c) => c.predecessorId === part.municipalityId).flatMap((c) => linked(c.successorId, c.date)),
      };
    })
    .sort(byNorwegianName((part) => part.name));
}
