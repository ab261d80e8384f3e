import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import type { MeasureInput } from "@shared-schema/measure";
import { listMeasures } from "../../app/measure/catalogue.server";
import { shareCost } from "../../app/measure/cost-sharing";
import {
  createMeasure,
  findMeasure,
  MeasureInputError,
  nextFreeMeasureNumber,
  updateMeasure,
} from "../../app/measure/edit.server";
import { listMeasuresWithUptake } from "../../app/measure/measure.server";
import { measureShares } from "../../app/measure/shares.server";
import { freshDemoEach, testDatabases } from "../support/databases";
import { cooperationIdOf, userIdByEmail } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";
import { StaleVersionError } from "../../app/utils/errors.server";

describe.each(testDatabases())("measures on $name", (database) => {
  const demo = freshDemoEach(database);
  let db: DB;
  let coop: { id: CooperationId; members: { id: string; number: string }[]; goals: { id: string; focus_area_id: string }[] };
  let other: { id: CooperationId; goalId: string; areaId: string; memberId: string };
  let userId: string;

  beforeEach(async () => {
    db = demo.db;
    const load = async (slug: string) => {
      const c = { id: await cooperationIdOf(db, slug) };
      const members = await db
        .selectFrom("membership")
        .innerJoin("municipality", "municipality.id", "membership.municipality_id")
        .select(["municipality.id", "municipality.number"])
        .where("membership.cooperation_id", "=", c.id)
        // members from the demo's first year to this day: the map's changes since left them as they were
        .where("membership.joined_on", "=", "2013-01-01")
        .where("membership.left_on", "is", null)
        .orderBy("municipality.number")
        .execute();
      const goals = await db
        .selectFrom("goal")
        .select(["id", "focus_area_id"])
        .where("cooperation_id", "=", c.id)
        .orderBy("id")
        .execute();
      return { id: c.id, members, goals };
    };
    coop = await load("ekommune-sunnmore");
    const knutepunkt = await load("knutepunkt-sorlandet");
    // a strategy of the other cooperation, so that its goals and focus areas exist
    const strategyId = randomUUID();
    const areaId = randomUUID();
    const goalId = randomUUID();
    const now = new Date().toISOString();
    await db
      .insertInto("strategy")
      .values({
        id: strategyId,
        cooperation_id: knutepunkt.id,
        title: "IT-strategi",
        period_from: 2013,
        period_to: 2016,
        vision: "",
        purpose: "",
        principles: "[]",
        national_guidelines: "[]",
        status: "draft",
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto("focus_area")
      .values({
        id: areaId,
        cooperation_id: knutepunkt.id,
        strategy_id: strategyId,
        title: "X",
        description: "",
        rationale: "",
        sort_order: 0,
      })
      .execute();
    await db
      .insertInto("goal")
      .values({ id: goalId, cooperation_id: knutepunkt.id, focus_area_id: areaId, text: "Y", sort_order: 0 })
      .execute();
    other = { id: knutepunkt.id, goalId, areaId, memberId: knutepunkt.members[0].id };
    userId = await userIdByEmail(db, "sekretariat@ekommune-sunnmore.example");
  });

  const input = (overrides: Partial<MeasureInput> = {}): MeasureInput => ({
    number: 0,
    name: "Felles sak/arkiv",
    description: "Eitt felles sak- og arkivsystem.",
    focusAreaIds: [],
    goalIds: [coop.goals[0].id, coop.goals[1].id],
    benefitsText: "Mindre dobbeltarbeid.",
    benefits: [
      {
        id: null,
        description: "Spart tid",
        amount: 1200,
        unit: "hours_per_year",
        owner: "Arkivleiar",
        baseline: "2000 timar",
        target: "800 timar",
        measuredWhen: "Årleg i januar",
      },
    ],
    investmentCost: 125_000_050,
    runningCost: 10_000_000,
    financingText: "Skjønnsmidlar og kommunane.",
    costKey: "mixed",
    equalPercent: 30,
    populationYear: 2015,
    priority: 2,
    periodFrom: 2014,
    periodTo: 2016,
    owner: "Arkivgruppa",
    allMembers: true,
    participants: [],
    status: "planned",
    statusText: "Forprosjekt",
    links: [{ title: "Saksframlegg", url: "https://example.org/sak/21-13" }],
    introducesSystem: true,
    phasedOutSystems: ["Gamalt arkiv"],
    ...overrides,
  });

  /** measures with the default input under these numbers, as a user would have created them */
  async function createMeasures(...numbers: number[]) {
    for (const number of numbers) await createMeasure(db, { cooperationId: coop.id, userId, input: input({ number }) });
  }

  async function audits(entityId: string) {
    return db.selectFrom("audit_event").selectAll().where("entity_id", "=", entityId).orderBy("created_at").execute();
  }

  it("creates a measure with every field and reads it back; audited", async () => {
    const number = await nextFreeMeasureNumber(db, { cooperationId: coop.id });
    expect(number).toBe(14);
    const given = input({ number });
    const created = await createMeasure(db, { cooperationId: coop.id, userId, input: given });
    const m = (await findMeasure(db, { cooperationId: coop.id, number }))!;
    const expectedAreas = [...new Set([coop.goals[0].focus_area_id, coop.goals[1].focus_area_id])].sort();
    expect(m).toMatchObject({
      ...given,
      benefits: given.benefits.map((b) => ({ ...b, id: expect.any(String) })),
      goalIds: [...given.goalIds].sort(),
      focusAreaIds: expectedAreas,
      version: 1,
    });
    const events = await audits(created.id);
    expect(events.map((e) => e.action)).toEqual(["measure.create"]);
    expect(events[0].actor_id).toBe(userId);
    expect(events[0].before).toBeNull();
    expect(JSON.parse(events[0].after!)).toMatchObject({ name: given.name, investmentCost: 125_000_050 });
  });

  it("edits with the version it was read at; a second edit from the same version is refused and nothing is overwritten", async () => {
    const number = 15;
    const { id } = await createMeasure(db, { cooperationId: coop.id, userId, input: input({ number }) });
    const custom = input({
      number,
      name: "Felles sak/arkiv – endra",
      costKey: "custom",
      equalPercent: null,
      populationYear: null,
      allMembers: false,
      participants: [
        { municipalityId: coop.members[0].id, customShareBp: 6000, fromYear: null, toYear: null },
        { municipalityId: coop.members[1].id, customShareBp: 4000, fromYear: 2015, toYear: 2016 },
      ],
      links: [],
      introducesSystem: false,
      phasedOutSystems: [],
    });
    await updateMeasure(db, { cooperationId: coop.id, userId, number, version: 1, input: custom });
    const after = (await findMeasure(db, { cooperationId: coop.id, number }))!;
    expect(after.version).toBe(2);
    expect(after).toMatchObject({ name: custom.name, costKey: "custom", allMembers: false, links: [], introducesSystem: false });
    expect(after.participants).toEqual([...custom.participants].sort((a, b) => (a.municipalityId < b.municipalityId ? -1 : 1)));

    await expect(
      updateMeasure(db, { cooperationId: coop.id, userId, number, version: 1, input: input({ number, name: "Overskriv" }) }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const still = (await findMeasure(db, { cooperationId: coop.id, number }))!;
    expect(still.name).toBe(custom.name);
    expect(still.version).toBe(2);

    const events = await audits(id);
    expect(events.map((e) => e.action)).toEqual(["measure.create", "measure.update"]);
    expect(JSON.parse(events[1].before!)).toMatchObject({ name: "Felles sak/arkiv", version: 1 });
    expect(JSON.parse(events[1].after!)).toMatchObject({ name: custom.name, version: 2 });
  });

  it("lets only one of two simultaneous saves from the same version through", async () => {
    const number = 16;
    await createMeasures(number);
    const results = await Promise.allSettled([
      updateMeasure(db, { cooperationId: coop.id, userId, number, version: 1, input: input({ number, name: "A" }) }),
      updateMeasure(db, { cooperationId: coop.id, userId, number, version: 1, input: input({ number, name: "B" }) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(StaleVersionError);
    expect((await findMeasure(db, { cooperationId: coop.id, number }))!.version).toBe(2);
  });

  it("refuses goals, focus areas and participants of another cooperation, and a taken number; writes nothing", async () => {
    await createMeasures(14);
    const before = await db.selectFrom("audit_event").select("id").execute();
    const cases: [Partial<MeasureInput>, string][] = [
      [{ goalIds: [other.goalId] }, "goals"],
      [{ focusAreaIds: [other.areaId] }, "focusAreas"],
      [
        {
          allMembers: false,
          participants: [{ municipalityId: other.memberId, customShareBp: null, fromYear: null, toYear: null }],
        },
        "members",
      ],
      [{ number: 1 }, "number"],
    ];
    for (const [overrides, field] of cases) {
      const attempt = createMeasure(db, { cooperationId: coop.id, userId, input: input({ number: 99, ...overrides }) });
      await expect(attempt).rejects.toBeInstanceOf(MeasureInputError);
      await expect(attempt).rejects.toMatchObject({ field });
    }
    await expect(
      updateMeasure(db, {
        cooperationId: coop.id,
        userId,
        number: 14,
        version: 1,
        input: input({ number: 14, goalIds: [other.goalId] }),
      }),
    ).rejects.toMatchObject({ field: "goals" });
    expect(await findMeasure(db, { cooperationId: coop.id, number: 99 })).toBeNull();
    expect(await db.selectFrom("audit_event").select("id").execute()).toHaveLength(before.length);
  });

  it("shares follow membership changes year by year, not retroactively, and always sum to the total", async () => {
    const number = 17;
    await createMeasure(db, {
      cooperationId: coop.id,
      userId,
      input: input({ number, costKey: "equal", equalPercent: null, populationYear: null }),
    });
    const m = (await findMeasure(db, { cooperationId: coop.id, number }))!;
    const leaver = coop.members[2];
    await db
      .updateTable("membership")
      .set({ left_on: "2015-06-30" })
      .where("cooperation_id", "=", coop.id)
      .where("municipality_id", "=", leaver.id)
      .execute();
    // a newcomer from 2016: a municipality of the region that was not a member
    const newcomer = await db.selectFrom("municipality").select("id").where("number", "=", "1520").executeTakeFirstOrThrow();
    await db
      .insertInto("membership")
      .values({
        id: randomUUID(),
        cooperation_id: coop.id,
        municipality_id: newcomer.id,
        joined_on: "2016-03-01",
        left_on: null,
        local_strategy_title: null,
        local_strategy_from_year: null,
        local_strategy_to_year: null,
        local_strategy_url: null,
        predecessor_membership_id: null,
      })
      .execute();
    const at = async (year: number) => {
      const r = await measureShares(db, { cooperationId: coop.id, measure: m, year });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r;
    };
    const y2014 = await at(2014);
    const y2015 = await at(2015);
    const y2016 = await at(2016);
    const ids = (r: typeof y2014) => r.rows.map((x) => x.municipalityId);
    expect(ids(y2014)).toContain(leaver.id);
    expect(ids(y2014)).not.toContain(newcomer.id);
    expect(ids(y2015)).not.toContain(leaver.id);
    expect(ids(y2016)).toContain(newcomer.id);
    expect(y2014.rows).toHaveLength(11);
    expect(y2015.rows).toHaveLength(10);
    expect(y2016.rows).toHaveLength(11);
    for (const r of [y2014, y2015, y2016]) {
      expect(r.rows.reduce((s, x) => s + x.investmentShare, 0)).toBe(m.investmentCost);
      expect(r.rows.reduce((s, x) => s + x.runningShare, 0)).toBe(m.runningCost);
    }
    // equal key: 2014 is unchanged by what happened later
    const expected2014 = shareCost(
      m.investmentCost,
      y2014.rows.map((x) => ({ id: x.municipalityId, population: null })),
      { kind: "equal" },
    );
    expect(expected2014.ok && y2014.rows.map((x) => x.investmentShare)).toEqual(
      expected2014.ok && y2014.rows.map((x) => expected2014.shares.get(x.municipalityId)),
    );
  });

  it("uses the population of the key's year (latest at or before it) and subsets with from/to years", async () => {
    const number = 18;
    const [a, b, c] = coop.members;
    await createMeasure(db, {
      cooperationId: coop.id,
      userId,
      input: input({
        number,
        costKey: "population",
        equalPercent: null,
        populationYear: 2016,
        allMembers: false,
        participants: [
          { municipalityId: a.id, customShareBp: null, fromYear: null, toYear: null },
          { municipalityId: b.id, customShareBp: null, fromYear: 2015, toYear: null },
          { municipalityId: c.id, customShareBp: null, fromYear: null, toYear: 2014 },
        ],
      }),
    });
    const m = (await findMeasure(db, { cooperationId: coop.id, number }))!;
    const r2014 = await measureShares(db, { cooperationId: coop.id, measure: m, year: 2014 });
    const r2015 = await measureShares(db, { cooperationId: coop.id, measure: m, year: 2015 });
    if (!r2014.ok || !r2015.ok) throw new Error("shares failed");
    expect(r2014.rows.map((x) => x.municipalityId).sort()).toEqual([a.id, c.id].sort());
    expect(r2015.rows.map((x) => x.municipalityId).sort()).toEqual([a.id, b.id].sort());
    // population from the register's 2015 figures: the latest at or before 2016
    expect(r2015.rows.every((x) => x.populationYear === 2015 && x.population! > 0)).toBe(true);
    const pop = new Map(r2015.rows.map((x) => [x.municipalityId, x.population!]));
    const expected = shareCost(
      m.runningCost,
      r2015.rows.map((x) => ({ id: x.municipalityId, population: pop.get(x.municipalityId)! })),
      { kind: "population" },
    );
    if (!expected.ok) throw new Error("expected failed");
    for (const row of r2015.rows) expect(row.runningShare).toBe(expected.shares.get(row.municipalityId));

    // a population year before any figures → a typed error, not made-up numbers
    const early = await measureShares(db, { cooperationId: coop.id, measure: { ...m, populationYear: 2010 }, year: 2015 });
    expect(early.ok).toBe(false);
    expect(!early.ok && early.error.code).toBe("populationMissing");
  });

  it("filters and sorts the catalogue, with counts; the overview still lists every measure", async () => {
    await createMeasures(20, 21);
    const all = await listMeasures(db, { cooperationId: coop.id, filters: { sort: "number", dir: "asc" } });
    expect(all.total).toBe(all.rows.length);
    const available = await listMeasures(db, {
      cooperationId: coop.id,
      filters: { status: "available", sort: "name", dir: "desc" },
    });
    expect(available.rows.map((r) => r.status)).toEqual(available.rows.map(() => "available"));
    expect(available.rows.length).toBe(all.rows.filter((r) => r.status === "available").length);
    expect(available.byStatus).toEqual({ available: available.rows.length });
    const names = available.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((x, y) => y.localeCompare(x, "nb")));
    const byGoal = await listMeasures(db, {
      cooperationId: coop.id,
      filters: { goal: coop.goals[0].id, sort: "number", dir: "asc" },
    });
    expect(byGoal.rows.map((r) => r.number)).toEqual(expect.arrayContaining([20, 21]));
    const outsidePeriod = await listMeasures(db, { cooperationId: coop.id, filters: { year: 2013, sort: "number", dir: "asc" } });
    expect(outsidePeriod.rows.map((r) => r.number)).not.toContain(20);
    const overview = await listMeasuresWithUptake(db, { cooperationId: coop.id });
    expect(overview.length).toBe(all.total);
  });

  describe("benefits keep their identity", () => {
    /** the demo's measure with realised benefits reported against its expected ones */
    async function measureWithRealisedBenefits() {
      const row = await db
        .selectFrom("uptake_benefit")
        .innerJoin("measure_benefit", "measure_benefit.id", "uptake_benefit.benefit_id")
        .innerJoin("measure", "measure.id", "measure_benefit.measure_id")
        .select(["measure.number", "measure_benefit.id as benefitId"])
        .where("measure.cooperation_id", "=", coop.id)
        .orderBy("measure.number")
        .executeTakeFirstOrThrow();
      const m = (await findMeasure(db, { cooperationId: coop.id, number: row.number }))!;
      return { m, reportedId: row.benefitId };
    }
    const asInput = ({
      id: _id,
      version: _v,
      createdAt: _c,
      updatedAt: _u,
      ...rest
    }: NonNullable<Awaited<ReturnType<typeof findMeasure>>>) => rest;

    it("a measure with realised benefits saves; an edited benefit keeps its id", async () => {
      const { m, reportedId } = await measureWithRealisedBenefits();
      const benefits = m.benefits.map((b) => (b.id === reportedId ? { ...b, description: `${b.description} (endra)` } : b));
      await updateMeasure(db, {
        cooperationId: coop.id,
        userId,
        number: m.number,
        version: m.version,
        input: { ...asInput(m), benefits },
      });
      const after = (await findMeasure(db, { cooperationId: coop.id, number: m.number }))!;
      expect(after.version).toBe(m.version + 1);
      expect(after.benefits.map((b) => b.id)).toEqual(m.benefits.map((b) => b.id));
      expect(after.benefits.find((b) => b.id === reportedId)!.description).toMatch(/\(endra\)$/);
    });

    it("saving what is stored changes nothing: no version, no audit event", async () => {
      const { m } = await measureWithRealisedBenefits();
      const events = (await audits(m.id)).length;
      await updateMeasure(db, { cooperationId: coop.id, userId, number: m.number, version: m.version, input: asInput(m) });
      const after = (await findMeasure(db, { cooperationId: coop.id, number: m.number }))!;
      expect(after).toEqual(m);
      expect((await audits(m.id)).length).toBe(events);
    });

    it("removing a benefit with realised values is refused; a benefit of another measure is refused", async () => {
      const { m, reportedId } = await measureWithRealisedBenefits();
      const save = (benefits: MeasureInput["benefits"]) =>
        updateMeasure(db, {
          cooperationId: coop.id,
          userId,
          number: m.number,
          version: m.version,
          input: { ...asInput(m), benefits },
        });
      await expect(save(m.benefits.filter((b) => b.id !== reportedId))).rejects.toMatchObject({
        field: "benefits",
        messageKey: "measure:validation.benefitInUse",
      });
      const foreign = await db
        .selectFrom("measure_benefit")
        .select("id")
        .where("measure_id", "!=", m.id)
        .executeTakeFirstOrThrow();
      await expect(save([...m.benefits, { ...m.benefits[0], id: foreign.id }])).rejects.toBeInstanceOf(MeasureInputError);
      expect(await findMeasure(db, { cooperationId: coop.id, number: m.number })).toEqual(m);
    });
  });
});
