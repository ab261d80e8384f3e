import { describe, expect, it } from "vitest";
import type { UptakeStatus } from "../../db/schema";
import {
  dayBefore,
  divide,
  leastAdvanced,
  planSuccession,
  type CooperationState,
  type RegisterChange,
  type SuccessionPlan,
} from "../../app/succession/rules";
import { buildRegister } from "../../seeds/register/build";
import { registerDataDir } from "../../seeds/register/seed";

const register = buildRegister(registerDataDir());

/** The register's changes of one day, as the planner reads them. */
function changesOn(date: string): RegisterChange[] {
  const byId = new Map(register.municipalities.map((m) => [m.id, m]));
  return register.changes
    .filter((c) => c.effective_date === date)
    .map((c) => {
      const predecessor = byId.get(c.predecessor_id)!;
      const successor = byId.get(c.successor_id)!;
      return {
        date,
        kind: c.kind,
        partial: c.partial === 1,
        predecessor: { id: predecessor.id, number: predecessor.number, name: predecessor.name },
        successor: { id: successor.id, number: successor.number, name: successor.name, isNew: successor.valid_from === date },
      };
    });
}

/** The id of the municipality holding `number` on `date`. */
function idOf(number: string, date: string): string {
  const found = register.municipalities.find(
    (m) => m.number === number && m.valid_from <= date && (m.valid_to == null || m.valid_to > date),
  );
  if (!found) throw new Error(`no ${number} on ${date}`);
  return found.id;
}

function emptyState(): CooperationState {
  return {
    memberships: [],
    allMemberMeasureIds: [],
    participants: [],
    statusesBefore: new Map(),
    reportedOnDay: new Set(),
    reporters: [],
    population: new Map(),
  };
}

function member(state: CooperationState, municipalityId: string, joinedOn = "2013-01-01") {
  state.memberships.push({ id: `membership-${municipalityId}`, municipalityId, joinedOn, leftOn: null });
}

function status(state: CooperationState, measureId: string, municipalityId: string, value: UptakeStatus) {
  state.statusesBefore.set(`${measureId}|${municipalityId}`, {
    status: value,
    reportId: `report-${measureId}-${municipalityId}`,
  });
}

/** What the writer does with a plan, on the state the planner reads: to plan again on. */
function applied(state: CooperationState, plan: SuccessionPlan): CooperationState {
  const next = structuredClone(state);
  for (const end of plan.endMemberships) next.memberships.find((m) => m.id === end.membershipId)!.leftOn = plan.date;
  for (const start of plan.startMemberships) {
    next.memberships.push({
      id: `membership-${start.municipalityId}`,
      municipalityId: start.municipalityId,
      joinedOn: plan.date,
      leftOn: null,
    });
  }
  for (const p of plan.participations) next.participants.push(p);
  for (const u of plan.uptake) next.reportedOnDay.add(`${u.measureId}|${u.municipalityId}`);
  for (const r of plan.reporters) next.reporters.find((g) => g.grantId === r.grantId)!.municipalityId = r.toMunicipalityId;
  if (plan.host) next.hostMunicipalityId = plan.host.toMunicipalityId;
  return next;
}

const NOTHING = { endMemberships: [], startMemberships: [], participations: [], uptake: [], reporters: [], host: null };

/** A change between made-up municipalities. */
function change(from: string, to: string, options: { partial?: boolean; isNew?: boolean; date?: string } = {}): RegisterChange {
  return {
    date: options.date ?? "2030-01-01",
    kind: options.partial ? "split" : "merger",
    partial: options.partial ?? false,
    predecessor: { id: from, number: from, name: from },
    successor: { id: to, number: to, name: to, isNew: options.isNew ?? true },
  };
}

describe("the least advanced status", () => {
  it("ignores not relevant unless every status is, and is none of nothing", () => {
    expect(leastAdvanced(["in_use", "planned", "realised"])).toBe("planned");
    expect(leastAdvanced(["not_relevant", "in_use"])).toBe("in_use");
    expect(leastAdvanced(["not_relevant", "not_relevant"])).toBe("not_relevant");
    expect(leastAdvanced(["realised", "not_started", "not_relevant"])).toBe("not_started");
    expect(leastAdvanced([])).toBeNull();
  });

  it("days and shares: the day before a new year, and parts that add up", () => {
    expect(dayBefore("2020-01-01")).toBe("2019-12-31");
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
    expect(divide(10000, [2, 1])).toEqual([6667, 3333]);
    expect(divide(5, [1, 1, 1])).toEqual([2, 2, 1]);
    expect(divide(7, [0, 0])).toEqual([4, 3]);
  });
});

describe("eKommune Sunnmøre through 1 January 2020 (SSB's change table)", () => {
  const DATE = "2020-01-01";
  const MEMBERS_2019 = ["1504", "1532", "1531", "1534", "1529", "1523", "1526", "1546", "1524", "1525", "1528"];
  const ALESUND_PARTS = ["1504", "1523", "1529", "1534", "1546"];
  const before = dayBefore(DATE);
  const alesund = idOf("1507", DATE);
  const fjord = idOf("1578", DATE);

  function sunnmore2019(): CooperationState {
    const state = emptyState();
    for (const number of MEMBERS_2019) member(state, idOf(number, before));
    state.allMemberMeasureIds = ["m-all"];
    state.participants = [
      { measureId: "m-chosen", municipalityId: idOf("1504", before), fromYear: 2018, toYear: null, customShareBp: 4000 },
      { measureId: "m-chosen", municipalityId: idOf("1529", before), fromYear: 2018, toYear: 2025, customShareBp: 1000 },
      { measureId: "m-chosen", municipalityId: idOf("1532", before), fromYear: 2018, toYear: null, customShareBp: 5000 },
    ];
    status(state, "m-all", idOf("1504", before), "in_use");
    status(state, "m-all", idOf("1523", before), "planned");
    status(state, "m-all", idOf("1529", before), "realised");
    status(state, "m-all", idOf("1534", before), "not_relevant");
    // Sandøy 1546 never reported on m-all: it counts as not started
    status(state, "m-all", idOf("1524", before), "in_progress");
    status(state, "m-all", idOf("1526", before), "not_relevant");
    status(state, "m-chosen", idOf("1504", before), "in_use");
    status(state, "m-chosen", idOf("1529", before), "planned");
    state.reporters = [
      { grantId: "g-1523", userId: "u-orskog", municipalityId: idOf("1523", before) },
      { grantId: "g-1532", userId: "u-giske", municipalityId: idOf("1532", before) },
    ];
    state.hostMunicipalityId = idOf("1504", before);
    return state;
  }

  const plan = planSuccession(DATE, changesOn(DATE), sunnmore2019());

  it("merges five into Ålesund and two into Fjord on the same day, the others untouched", () => {
    const ended = plan.endMemberships.map((e) => register.municipalities.find((m) => m.id === e.municipalityId)!.number).sort();
    expect(ended).toEqual([...ALESUND_PARTS, "1524", "1526"].sort());
    expect(plan.startMemberships.map((s) => s.municipalityId).sort()).toEqual([alesund, fjord].sort());
    const alesundStart = plan.startMemberships.find((s) => s.municipalityId === alesund)!;
    expect(alesundStart.predecessorIds.sort()).toEqual(ALESUND_PARTS.map((n) => idOf(n, before)).sort());
    expect(alesundStart.predecessorMembershipId).toMatch(/^membership-/);
  });

  it("starts each measure's uptake at the least advanced status of the predecessors that took part", () => {
    const uptakeOf = (measureId: string, municipalityId: string) =>
      plan.uptake.find((u) => u.measureId === measureId && u.municipalityId === municipalityId);
    const all = uptakeOf("m-all", alesund)!;
    expect(all.status).toBe("not_started");
    expect(all.derivedFromReportId).toBeNull();
    expect(all.sources).toHaveLength(5);
    expect(all.sources.find((s) => s.municipalityId === idOf("1534", before))?.status).toBe("not_relevant");
    expect(uptakeOf("m-all", fjord)).toMatchObject({
      status: "in_progress",
      derivedFromReportId: `report-m-all-${idOf("1524", before)}`,
    });
    // only Ålesund 1504 and Skodje 1529 took part in the chosen measure
    expect(uptakeOf("m-chosen", alesund)).toMatchObject({
      status: "planned",
      derivedFromReportId: `report-m-chosen-${idOf("1529", before)}`,
    });
    expect(
      uptakeOf("m-chosen", alesund)!
        .sources.map((s) => s.municipalityId)
        .sort(),
    ).toEqual([idOf("1504", before), idOf("1529", before)].sort());
    expect(uptakeOf("m-chosen", fjord)).toBeUndefined();
    expect(plan.uptake).toHaveLength(3);
  });

  it("gives the successor the chosen measures with the predecessors' shares summed", () => {
    expect(plan.participations).toEqual([
      { measureId: "m-chosen", municipalityId: alesund, fromYear: 2020, toYear: null, customShareBp: 5000 },
    ]);
  });

  it("moves a predecessor's reporter to the successor and leaves the others", () => {
    expect(plan.reporters).toEqual([
      { grantId: "g-1523", userId: "u-orskog", fromMunicipalityId: idOf("1523", before), toMunicipalityId: alesund },
    ]);
  });

  it("hands the host municipality's part on to its successor", () => {
    expect(plan.host).toEqual({ fromMunicipalityId: idOf("1504", before), toMunicipalityId: alesund });
  });

  it("applied twice, changes nothing the second time", () => {
    expect(planSuccession(DATE, changesOn(DATE), applied(sunnmore2019(), plan))).toEqual({ date: DATE, ...NOTHING });
  });

  it("a cooperation none of whose members changed is left as it is", () => {
    const state = emptyState();
    member(state, idOf("1532", before));
    expect(planSuccession(DATE, changesOn(DATE), state)).toEqual({ date: DATE, ...NOTHING });
  });
});

describe("Ålesund split into Ålesund and Haram on 1 January 2024", () => {
  const DATE = "2024-01-01";
  const before = dayBefore(DATE);
  const old = idOf("1507", before);
  const alesund = idOf("1508", DATE);
  const haram = idOf("1580", DATE);

  function state2023(): CooperationState {
    const state = emptyState();
    member(state, old, "2020-01-01");
    member(state, idOf("1532", before));
    state.allMemberMeasureIds = ["m-all"];
    state.participants = [{ measureId: "m-chosen", municipalityId: old, fromYear: 2020, toYear: null, customShareBp: 7000 }];
    status(state, "m-all", old, "in_use");
    status(state, "m-chosen", old, "not_relevant");
    state.reporters = [{ grantId: "g-old", userId: "u-alesund", municipalityId: old }];
    state.population = new Map([
      [alesund, 67000],
      [haram, 9500],
    ]);
    return state;
  }

  const plan = planSuccession(
    DATE,
    changesOn(DATE).filter((c) => c.predecessor.id === old),
    state2023(),
  );

  it("makes both parts members, each starting from the predecessor's status", () => {
    expect(plan.endMemberships.map((e) => e.municipalityId)).toEqual([old]);
    expect(plan.startMemberships.map((s) => s.municipalityId).sort()).toEqual([alesund, haram].sort());
    for (const id of [alesund, haram]) {
      expect(
        plan.uptake.filter((u) => u.municipalityId === id).map((u) => [u.measureId, u.status, u.derivedFromReportId]),
      ).toEqual([
        ["m-all", "in_use", `report-m-all-${old}`],
        ["m-chosen", "not_relevant", `report-m-chosen-${old}`],
      ]);
    }
  });

  it("divides the predecessor's cost share by population, adding up to what it was", () => {
    const shares = plan.participations.map((p) => [p.municipalityId, p.customShareBp]);
    expect(shares).toEqual(
      expect.arrayContaining([
        [alesund, 6131],
        [haram, 869],
      ]),
    );
    expect(plan.participations.reduce((sum, p) => sum + (p.customShareBp ?? 0), 0)).toBe(7000);
  });

  it("moves the reporter to the part with the predecessor's name", () => {
    expect(plan.reporters).toEqual([
      { grantId: "g-old", userId: "u-alesund", fromMunicipalityId: old, toMunicipalityId: alesund },
    ]);
  });

  it("applied twice, changes nothing the second time", () => {
    const again = planSuccession(DATE, changesOn(DATE), applied(state2023(), plan));
    expect(again).toEqual({ date: DATE, ...NOTHING });
  });
});

describe("made-up cases", () => {
  it("a merger where one predecessor was not a member: the successor joins, the others' statuses count", () => {
    const state = emptyState();
    member(state, "A");
    member(state, "B");
    state.allMemberMeasureIds = ["m"];
    status(state, "m", "A", "realised");
    status(state, "m", "B", "in_use");
    const plan = planSuccession("2030-01-01", [change("A", "D"), change("B", "D"), change("C", "D")], state);
    expect(plan.startMemberships).toEqual([
      { municipalityId: "D", predecessorMembershipId: "membership-A", predecessorIds: ["A", "B"] },
    ]);
    expect(plan.uptake).toEqual([
      {
        measureId: "m",
        municipalityId: "D",
        status: "in_use",
        derivedFromReportId: "report-m-B",
        sources: [
          { municipalityId: "A", status: "realised" },
          { municipalityId: "B", status: "in_use" },
        ],
      },
    ]);
  });

  it("a part of a member to each of two existing members and a new one: the existing keep their own status", () => {
    const state = emptyState();
    for (const id of ["P", "X", "Y"]) member(state, id);
    state.allMemberMeasureIds = ["m"];
    state.participants = [{ measureId: "c", municipalityId: "P", fromYear: null, toYear: null, customShareBp: null }];
    status(state, "m", "P", "planned");
    status(state, "m", "X", "realised");
    const changes = [
      change("P", "X", { partial: true, isNew: false }),
      change("P", "Y", { partial: true, isNew: false }),
      change("P", "Z", { partial: true }),
    ];
    const plan = planSuccession("2030-01-01", changes, state);
    expect(plan.endMemberships).toEqual([{ membershipId: "membership-P", municipalityId: "P" }]);
    expect(plan.startMemberships.map((s) => s.municipalityId)).toEqual(["Z"]);
    expect(plan.uptake.map((u) => [u.measureId, u.municipalityId, u.status])).toEqual([
      ["m", "Z", "planned"],
      ["c", "Z", "not_started"],
    ]);
    expect(plan.participations).toEqual([
      { measureId: "c", municipalityId: "Z", fromYear: 2030, toYear: null, customShareBp: null },
    ]);
  });

  it("a member that others merge into whole counts its own status with theirs", () => {
    const state = emptyState();
    for (const id of ["T", "K"]) member(state, id);
    state.allMemberMeasureIds = ["m", "n"];
    status(state, "m", "T", "planned");
    status(state, "m", "K", "realised");
    status(state, "n", "T", "in_use");
    status(state, "n", "K", "realised");
    const plan = planSuccession("2030-01-01", [change("K", "T", { isNew: false })], state);
    expect(plan.startMemberships).toEqual([]);
    expect(plan.endMemberships).toEqual([{ membershipId: "membership-K", municipalityId: "K" }]);
    // the least advanced is T's own status each time: nothing to report
    expect(plan.uptake.map((u) => [u.measureId, u.status])).toEqual([]);
    status(state, "n", "T", "realised");
    status(state, "n", "K", "in_use");
    expect(
      planSuccession("2030-01-01", [change("K", "T", { isNew: false })], state).uptake.map((u) => [u.measureId, u.status]),
    ).toEqual([["n", "in_use"]]);
  });

  it("a new number only: membership, measures, status and reporter carry over", () => {
    const state = emptyState();
    member(state, "OLD");
    state.allMemberMeasureIds = ["m"];
    state.participants = [{ measureId: "c", municipalityId: "OLD", fromYear: 2025, toYear: 2031, customShareBp: 10000 }];
    status(state, "m", "OLD", "in_use");
    status(state, "c", "OLD", "realised");
    state.reporters = [{ grantId: "g", userId: "u", municipalityId: "OLD" }];
    const renumbered = { ...change("OLD", "NEW"), kind: "renumbering" as const };
    const plan = planSuccession("2030-01-01", [renumbered], state);
    expect(plan.startMemberships.map((s) => s.municipalityId)).toEqual(["NEW"]);
    expect(plan.participations).toEqual([
      { measureId: "c", municipalityId: "NEW", fromYear: 2030, toYear: 2031, customShareBp: 10000 },
    ]);
    expect(plan.uptake.map((u) => [u.measureId, u.status])).toEqual([
      ["m", "in_use"],
      ["c", "realised"],
    ]);
    expect(plan.reporters.map((r) => r.toMunicipalityId)).toEqual(["NEW"]);
  });

  it("a change of another day, or of municipalities that are not members, plans nothing", () => {
    const state = emptyState();
    member(state, "A");
    expect(planSuccession("2031-01-01", [change("A", "D")], state)).toEqual({ date: "2031-01-01", ...NOTHING });
    expect(planSuccession("2030-01-01", [change("B", "D")], state)).toEqual({ date: "2030-01-01", ...NOTHING });
  });
});
