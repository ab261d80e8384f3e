import type { MunicipalityChangeKind, UptakeStatus } from "../../db/schema";
import { addDays } from "@shared-schema/dates";
import { participationOn, type ChosenRow, type MembershipRow } from "../cooperation/participation";

/*
 * What a change of the municipal map does to one cooperation, as a plan of writes: pure, so every
 * case (a merger of five, a split, a part to an existing member, a new number, two changes on one
 * day, a change applied twice) is decided here and nowhere else. The caller reads the state,
 * shows the plan as a preview, and writes it in one transaction.
 *
 * The rules:
 * - A municipality that is new on the day (its register row starts then) becomes a member when
 *   any of its predecessors was one the day before. An existing municipality joins only when a
 *   member came over to it whole (a merger into it); receiving a part does not make it a member.
 * - A predecessor's membership ends on the day (memberships end exclusive: its last day as a
 *   member is the day before).
 * - A successor takes part in every chosen measure a member predecessor took part in, with the
 *   predecessors' cost shares (summed; a predecessor split between several gives each a part in
 *   proportion to their populations, equal parts where one is unknown).
 * - Per measure the successor's uptake starts at the least advanced status among the predecessors
 *   that took part in it (a predecessor without any report counts as not started; not relevant
 *   counts only when all are). A successor that was already a member keeps its own status when it
 *   received a part; when others merged into it whole, its own status counts with theirs.
 * - A reporter for a predecessor becomes the reporter for its successor (one municipality per
 *   reporter: of several successors the one with the predecessor's name, else the lowest number),
 *   to be confirmed by the secretariat. A predecessor that hosted the cooperation hands that on to
 *   the same successor.
 * - Nothing already done is planned again: a membership already ended or begun, a participation
 *   already there, a report already taking effect on the day.
 */

/** One municipality in the register, as a change names it. */
export interface RegisterMunicipality {
  id: string;
  number: string;
  name: string;
}

export interface RegisterChange {
  date: string;
  kind: MunicipalityChangeKind;
  /** only part of the predecessor went to this successor */
  partial: boolean;
  predecessor: RegisterMunicipality;
  /** `isNew`: its register row starts on the change's date */
  successor: RegisterMunicipality & { isNew: boolean };
}

export interface MembershipState extends MembershipRow {
  id: string;
}

export interface ParticipantState extends ChosenRow {
  customShareBp: number | null;
}

export interface CooperationState {
  memberships: MembershipState[];
  allMemberMeasureIds: string[];
  /** the chosen municipalities of the measures that are not for all members */
  participants: ParticipantState[];
  /** `measureId|municipalityId` → the status in effect the day before, and the report that set it */
  statusesBefore: Map<string, { status: UptakeStatus; reportId: string }>;
  /** `measureId|municipalityId` of reports taking effect on the day itself */
  reportedOnDay: Set<string>;
  reporters: { grantId: string; userId: string; municipalityId: string }[];
  /** population by municipality id, where known, to divide a split predecessor's cost share */
  population: Map<string, number>;
  /** the municipality that hosts the cooperation (vertskommune), if any */
  hostMunicipalityId?: string | null;
}

export interface PlannedMembershipEnd {
  membershipId: string;
  municipalityId: string;
}

export interface PlannedMembershipStart {
  municipalityId: string;
  predecessorMembershipId: string;
  predecessorIds: string[];
}

export interface PlannedParticipation {
  measureId: string;
  municipalityId: string;
  fromYear: number;
  toYear: number | null;
  customShareBp: number | null;
}

export interface PlannedUptake {
  measureId: string;
  municipalityId: string;
  status: UptakeStatus;
  /** the report whose status the successor starts from; null when nobody had reported */
  derivedFromReportId: string | null;
  /** every predecessor counted, with the status it had */
  sources: { municipalityId: string; status: UptakeStatus }[];
}

export interface PlannedReporterMove {
  grantId: string;
  userId: string;
  fromMunicipalityId: string;
  toMunicipalityId: string;
}

export interface SuccessionPlan {
  date: string;
  endMemberships: PlannedMembershipEnd[];
  startMemberships: PlannedMembershipStart[];
  participations: PlannedParticipation[];
  uptake: PlannedUptake[];
  reporters: PlannedReporterMove[];
  /** the host municipality's successor, when the host was a predecessor */
  host: { fromMunicipalityId: string; toMunicipalityId: string } | null;
}

/** From least to most advanced; not relevant is apart (see leastAdvanced). */
const PROGRESS: readonly UptakeStatus[] = ["not_started", "planned", "in_progress", "in_use", "realised"];

/** The least advanced of the statuses, ignoring not relevant unless every one is. */
export function leastAdvanced(statuses: readonly UptakeStatus[]): UptakeStatus | null {
  if (statuses.length === 0) return null;
  const relevant = statuses.filter((s) => s !== "not_relevant");
  if (relevant.length === 0) return "not_relevant";
  return relevant.reduce((least, s) => (PROGRESS.indexOf(s) < PROGRESS.indexOf(least) ? s : least));
}

/** The ISO date before `date`. */
export function dayBefore(date: string): string {
  return addDays(date, -1);
}

const isMemberOn = (m: MembershipRow, date: string) => m.joinedOn <= date && (m.leftOn === null || m.leftOn > date);

/** The changes of one day, grouped by successor: who came to it, and how. */
function bySuccessor(changes: RegisterChange[]): Map<string, RegisterChange[]> {
  const groups = new Map<string, RegisterChange[]>();
  for (const change of changes) groups.set(change.successor.id, [...(groups.get(change.successor.id) ?? []), change]);
  return groups;
}

/** Divides `total` in proportion to `weights`, whole numbers that add up to it (largest remainders). */
export function divide(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) parts[order[k % order.length]![1]]! += 1;
  return parts;
}

/** The one successor a split predecessor's reporter follows. */
function reporterSuccessor(predecessor: RegisterMunicipality, successors: RegisterMunicipality[]): RegisterMunicipality {
  return (
    successors.find((s) => s.name === predecessor.name) ?? [...successors].sort((a, b) => a.number.localeCompare(b.number))[0]!
  );
}

export function planSuccession(date: string, allChanges: RegisterChange[], state: CooperationState): SuccessionPlan {
  const changes = allChanges.filter((c) => c.date === date);
  const before = dayBefore(date);
  const membershipBefore = (id: string) => state.memberships.find((m) => m.municipalityId === id && isMemberOn(m, before));
  const memberOnDay = (id: string) => state.memberships.some((m) => m.municipalityId === id && isMemberOn(m, date));
  const groups = bySuccessor(changes);

  const joining = [...groups].filter(([successorId, group]) => {
    const fromMembers = group.filter((c) => membershipBefore(c.predecessor.id));
    if (fromMembers.length === 0 || membershipBefore(successorId)) return false;
    return group[0]!.successor.isNew || fromMembers.some((c) => !c.partial);
  });
  // the municipalities that take over from member predecessors: those joining, and members others merged into whole
  const absorbing = new Set([
    ...joining.map(([id]) => id),
    ...[...groups.keys()].filter(
      (id) => membershipBefore(id) && groups.get(id)!.some((c) => !c.partial && membershipBefore(c.predecessor.id)),
    ),
  ]);

  const endMemberships = unique(
    changes
      .map((c) => membershipBefore(c.predecessor.id))
      .filter((m): m is MembershipState => m !== undefined && !groups.has(m.municipalityId))
      .filter((m) => m.leftOn !== date),
    (m) => m.id,
  ).map((m) => ({ membershipId: m.id, municipalityId: m.municipalityId }));

  const startMemberships = joining
    .filter(([id]) => !memberOnDay(id))
    .map(([municipalityId, group]) => {
      const predecessors = group
        .filter((c) => membershipBefore(c.predecessor.id))
        .sort((a, b) => Number(a.partial) - Number(b.partial));
      return {
        municipalityId,
        predecessorMembershipId: membershipBefore(predecessors[0]!.predecessor.id)!.id,
        predecessorIds: predecessors.map((c) => c.predecessor.id),
      };
    });

  const taking = participationBefore(before, state);
  const participations = planParticipations(date, taking, groups, absorbing, changes, state);
  const uptake = planUptake(date, taking, groups, absorbing, participations, state, membershipBefore);
  const reporters = planReporters(changes, absorbing, state);
  return { date, endMemberships, startMemberships, participations, uptake, reporters, host: planHost(changes, absorbing, state) };
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

function participationBefore(before: string, state: CooperationState) {
  return participationOn(before, {
    memberships: state.memberships,
    chosen: state.participants,
    allMemberMeasureIds: state.allMemberMeasureIds,
  });
}

function planParticipations(
  date: string,
  taking: Map<string, Set<string>>,
  groups: Map<string, RegisterChange[]>,
  absorbing: Set<string>,
  changes: RegisterChange[],
  state: CooperationState,
): PlannedParticipation[] {
  const year = Number(date.slice(0, 4));
  const allMembers = new Set(state.allMemberMeasureIds);
  const rowOf = (measureId: string, municipalityId: string) =>
    state.participants.find((p) => p.measureId === measureId && p.municipalityId === municipalityId);
  const successorsOf = (predecessorId: string) =>
    changes.filter((c) => c.predecessor.id === predecessorId && absorbing.has(c.successor.id)).map((c) => c.successor.id);

  const planned: PlannedParticipation[] = [];
  for (const successorId of absorbing) {
    const group = groups.get(successorId)!;
    const measures = new Set(group.flatMap((c) => [...(taking.get(c.predecessor.id) ?? [])]).filter((m) => !allMembers.has(m)));
    for (const measureId of measures) {
      const own = rowOf(measureId, successorId);
      if (own && (own.toYear === null || own.toYear >= year)) continue;
      const from = group
        .map((c) => ({ change: c, row: rowOf(measureId, c.predecessor.id) }))
        .filter((x) => x.row && taking.get(x.change.predecessor.id)?.has(measureId));
      const shares = from.map(({ change, row }) => {
        if (row!.customShareBp === null) return null;
        const siblings = successorsOf(change.predecessor.id);
        if (siblings.length <= 1) return row!.customShareBp;
        const weights = siblings.map((id) => state.population.get(id));
        const parts = divide(
          row!.customShareBp,
          weights.every((w): w is number => w !== undefined) ? weights : siblings.map(() => 1),
        );
        return parts[siblings.indexOf(successorId)]!;
      });
      const toYears = from.map((x) => x.row!.toYear);
      planned.push({
        measureId,
        municipalityId: successorId,
        fromYear: year,
        toYear: toYears.includes(null) ? null : Math.max(...(toYears as number[])),
        customShareBp:
          shares.every((s): s is number => s !== null) && shares.length > 0 ? shares.reduce((a, b) => a + b, 0) : null,
      });
    }
  }
  return planned;
}

function planUptake(
  date: string,
  taking: Map<string, Set<string>>,
  groups: Map<string, RegisterChange[]>,
  absorbing: Set<string>,
  participations: PlannedParticipation[],
  state: CooperationState,
  membershipBefore: (id: string) => MembershipState | undefined,
): PlannedUptake[] {
  const takesPartAfter = (measureId: string, municipalityId: string) =>
    state.allMemberMeasureIds.includes(measureId) ||
    participations.some((p) => p.measureId === measureId && p.municipalityId === municipalityId) ||
    state.participants.some(
      (p) =>
        p.measureId === measureId &&
        p.municipalityId === municipalityId &&
        (p.toYear === null || p.toYear >= Number(date.slice(0, 4))),
    );
  const statusOf = (measureId: string, municipalityId: string) =>
    state.statusesBefore.get(`${measureId}|${municipalityId}`) ?? { status: "not_started" as const, reportId: null };

  const planned: PlannedUptake[] = [];
  for (const successorId of absorbing) {
    const group = groups.get(successorId)!;
    const wasMember = membershipBefore(successorId) !== undefined;
    const measures = new Set(group.flatMap((c) => [...(taking.get(c.predecessor.id) ?? [])]));
    for (const measureId of measures) {
      if (!takesPartAfter(measureId, successorId) || state.reportedOnDay.has(`${measureId}|${successorId}`)) continue;
      const ownCounts = wasMember && taking.get(successorId)?.has(measureId);
      const sourceIds = [
        ...(ownCounts ? [successorId] : []),
        ...group.filter((c) => taking.get(c.predecessor.id)?.has(measureId)).map((c) => c.predecessor.id),
      ];
      const sources = sourceIds.map((id) => ({ municipalityId: id, ...statusOf(measureId, id) }));
      const status = leastAdvanced(sources.map((s) => s.status))!;
      if (ownCounts && statusOf(measureId, successorId).status === status) continue;
      planned.push({
        measureId,
        municipalityId: successorId,
        status,
        derivedFromReportId: sources.find((s) => s.status === status)?.reportId ?? null,
        sources: sources.map(({ municipalityId, status }) => ({ municipalityId, status })),
      });
    }
  }
  return planned;
}

/** The successor the predecessor's roles go to: of those taking over from it, the one reporterSuccessor picks. */
function successorFor(predecessorId: string, changes: RegisterChange[], absorbing: Set<string>): RegisterMunicipality | null {
  const leaving = changes.filter((c) => c.predecessor.id === predecessorId && absorbing.has(c.successor.id));
  if (leaving.length === 0 || absorbing.has(predecessorId)) return null;
  return reporterSuccessor(
    leaving[0]!.predecessor,
    leaving.map((c) => c.successor),
  );
}

function planHost(changes: RegisterChange[], absorbing: Set<string>, state: CooperationState): SuccessionPlan["host"] {
  const from = state.hostMunicipalityId;
  const to = from ? successorFor(from, changes, absorbing) : null;
  return from && to ? { fromMunicipalityId: from, toMunicipalityId: to.id } : null;
}

function planReporters(changes: RegisterChange[], absorbing: Set<string>, state: CooperationState): PlannedReporterMove[] {
  return state.reporters.flatMap((grant) => {
    const to = successorFor(grant.municipalityId, changes, absorbing);
    return to
      ? [{ grantId: grant.grantId, userId: grant.userId, fromMunicipalityId: grant.municipalityId, toMunicipalityId: to.id }]
      : [];
  });
}
