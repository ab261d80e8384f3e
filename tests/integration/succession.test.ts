import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import type { UptakeStatus } from "../../db/schema";
import { addMembers, createCooperation, createUser, grantRole } from "../../app/cooperation/admin.server";
import { participation } from "../../app/cooperation/participation.server";
import { storedCooperationId, type CooperationId } from "../../app/cooperation/scope.server";
import {
  SuccessionNotDueError,
  carryThrough,
  carryThroughDue,
  changeDays,
  confirmMovedReporter,
  successionView,
} from "../../app/succession/succession.server";
import { statusesOn } from "../../app/uptake/statuses.server";
import { registerDataDir, seedMunicipalityRegister } from "../../seeds/register/seed";
import { findMunicipalityByNumber } from "../../seeds/register/lookup";
import { testDatabases, type OpenedDatabase } from "../support/databases";
import { insertMeasure } from "../support/queries";

/*
 * A cooperation of Sunnmøre's municipalities as they were in 2019 carried through SSB's 2020
 * changes and the 2024 split of Ålesund, on each database: what is written, that it is written
 * once (also when ten ask at the same time), and that the register's other days touch nothing.
 */

const SLUG = "sunnmore-test";
const MEMBERS = ["1504", "1523", "1529", "1534", "1546", "1524", "1526", "1525"];
const TODAY = "2026-12-07";

async function idOf(db: DB, number: string, date: string): Promise<string> {
  return (await findMunicipalityByNumber(db, number, date))!.id;
}

function addMeasure(db: DB, cooperationId: string, number: number, allMembers: boolean): Promise<string> {
  return insertMeasure(db, {
    cooperation_id: cooperationId,
    number,
    period_from: 2019,
    period_to: 2026,
    investment_cost: 100_000_00,
    cost_key: allMembers ? "equal" : "custom",
    all_members: allMembers ? 1 : 0,
  });
}

async function report(db: DB, cooperationId: string, measureId: string, municipalityId: string, status: UptakeStatus, seq = 1) {
  const id = randomUUID();
  await db
    .insertInto("uptake_report")
    .values({
      id,
      cooperation_id: cooperationId,
      measure_id: measureId,
      municipality_id: municipalityId,
      status,
      comment: "",
      effective_date: "2019-06-01",
      seq,
      created_at: "2019-06-01T08:00:00.000Z",
    })
    .execute();
  return id;
}

/** Every row of the tables a change of the map writes to, to see that a second run writes nothing. */
async function written(db: DB) {
  const tables = [
    "membership",
    "measure_participant",
    "uptake_report",
    "role_grant",
    "succession",
    "mail_message",
    "audit_event",
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return out;
}

describe.each(testDatabases())("a change of the municipal map on $name", (database) => {
  let opened: OpenedDatabase;
  let db: DB;
  let cooperationId: CooperationId;
  let ids: Record<string, string>;
  let shared: string;
  let chosen: string;
  let reports: Record<string, string>;

  beforeAll(async () => {
    opened = await database.open();
    db = opened.db;
    await seedMunicipalityRegister(db, registerDataDir());
    cooperationId = storedCooperationId(
      await createCooperation(db, {
        slug: SLUG,
        name: "Sunnmøre prøve",
        hostMunicipality: "1504",
        defaultLanguage: "nb",
        onDate: "2018-01-01",
      }),
    );
    await addMembers(db, { slug: SLUG, municipalities: MEMBERS, joinedOn: "2018-01-01" });
    ids = {};
    for (const n of MEMBERS) ids[n] = await idOf(db, n, "2019-12-31");
    for (const n of ["1507", "1578"]) ids[n] = await idOf(db, n, "2020-01-01");
    for (const n of ["1508", "1580"]) ids[n] = await idOf(db, n, "2024-01-01");
    shared = await addMeasure(db, cooperationId, 1, true);
    chosen = await addMeasure(db, cooperationId, 2, false);
    // Ørskog, Skodje and Norddal take part in the chosen measure, with their own shares
    const shares: Record<string, number> = { "1523": 2000, "1529": 3000, "1524": 1000, "1525": 4000 };
    for (const [n, bp] of Object.entries(shares)) {
      await db
        .insertInto("measure_participant")
        .values({ measure_id: chosen, municipality_id: ids[n]!, custom_share_bp: bp, from_year: 2019, to_year: null })
        .execute();
    }
    reports = {
      alesund: await report(db, cooperationId, shared, ids["1504"]!, "in_use"),
      orskog: await report(db, cooperationId, shared, ids["1523"]!, "planned"),
      skodje: await report(db, cooperationId, shared, ids["1529"]!, "realised"),
      haram: await report(db, cooperationId, shared, ids["1534"]!, "not_relevant"),
      norddal: await report(db, cooperationId, shared, ids["1524"]!, "in_progress"),
      stordal: await report(db, cooperationId, shared, ids["1526"]!, "in_use"),
      orskogChosen: await report(db, cooperationId, chosen, ids["1523"]!, "in_use"),
      skodjeChosen: await report(db, cooperationId, chosen, ids["1529"]!, "in_progress"),
    };
    await createUser(db, {
      email: "orskog@example.test",
      name: "Rapportør Ørskog",
      password: "a-long-test-password",
      language: "nn",
    });
    await grantRole(db, { email: "orskog@example.test", slug: SLUG, role: "reporter", municipality: "1523" });
  }, 120_000);
  afterAll(() => opened?.close());

  it("lists the day the members' map changed, and refuses to carry it through before that day", async () => {
    const days = await changeDays(db, cooperationId);
    expect(days.map((d) => [d.date, d.applied])).toEqual([["2020-01-01", null]]);
    await expect(
      carryThrough(db, { cooperationId, date: "2020-01-01", actorId: null, today: "2019-12-31" }),
    ).rejects.toBeInstanceOf(SuccessionNotDueError);
    expect((await written(db)).succession).toBe(0);
  });

  it("shows a preview that names only the changes to the members' successors", async () => {
    const { days } = await successionView(db, cooperationId, TODAY);
    const [day] = days;
    expect(day!.applied).toBeNull();
    expect(new Set(day!.changes.map((c) => c.to.number))).toEqual(new Set(["1507", "1578"]));
    expect(day!.plan.starts.map((s) => s.number).sort()).toEqual(["1507", "1578"]);
    expect(day!.plan.ends.map((s) => s.number).sort()).toEqual(["1504", "1523", "1524", "1526", "1529", "1534", "1546"]);
    expect(day!.plan.reporters).toEqual([
      { name: "Rapportør Ørskog", from: { number: "1523", name: "Ørskog" }, to: { number: "1507", name: "Ålesund" } },
    ]);
  });

  it("carries the 2020 mergers through once: memberships, measures, shares, starting statuses, the reporter, a mail and one audit event", async () => {
    const result = await carryThrough(db, { cooperationId, date: "2020-01-01", actorId: null, today: TODAY });
    expect(result.status).toBe("applied");

    const members = await db
      .selectFrom("membership")
      .innerJoin("municipality", "municipality.id", "membership.municipality_id")
      .select(["number", "joined_on", "left_on", "predecessor_membership_id"])
      .where("cooperation_id", "=", cooperationId)
      .orderBy("number")
      .execute();
    const byNumber = Object.fromEntries(members.map((m) => [m.number, m]));
    for (const n of ["1504", "1523", "1529", "1534", "1546", "1524", "1526"]) expect(byNumber[n]!.left_on).toBe("2020-01-01");
    expect(byNumber["1525"]!.left_on).toBeNull();
    expect(byNumber["1507"]).toMatchObject({ joined_on: "2020-01-01", left_on: null });
    expect(byNumber["1507"]!.predecessor_membership_id).not.toBeNull();
    expect(byNumber["1578"]).toMatchObject({ joined_on: "2020-01-01", left_on: null });

    // the views of each side of the day
    const before = await participation(db, { cooperationId, date: "2019-12-31" });
    const after = await participation(db, { cooperationId, date: "2020-01-01" });
    expect(before.size).toBe(8);
    expect([...after.keys()].sort()).toEqual([ids["1507"], ids["1578"], ids["1525"]].sort());
    expect(after.get(ids["1507"]!)).toEqual(new Set([shared, chosen]));

    const shares = await db
      .selectFrom("measure_participant")
      .select(["municipality_id", "custom_share_bp", "from_year"])
      .where("measure_id", "=", chosen)
      .where("from_year", "=", 2020)
      .execute();
    expect(shares.map((s) => [s.municipality_id, s.custom_share_bp]).sort()).toEqual(
      [
        [ids["1507"], 5000],
        [ids["1578"], 1000],
      ].sort(),
    );

    const statuses = await statusesOn(db, { cooperationId, date: "2020-01-01" });
    // Ålesund 1507: in use, planned, realised, (not relevant), and Sandøy never reported: not started
    expect(statuses.get(`${shared}|${ids["1507"]}`)).toBe("not_started");
    expect(statuses.get(`${shared}|${ids["1578"]}`)).toBe("in_progress");
    expect(statuses.get(`${chosen}|${ids["1507"]}`)).toBe("in_progress");
    expect(statuses.get(`${chosen}|${ids["1578"]}`)).toBe("not_started");
    const fjord = await db
      .selectFrom("uptake_report")
      .selectAll()
      .where("measure_id", "=", shared)
      .where("municipality_id", "=", ids["1578"]!)
      .executeTakeFirstOrThrow();
    expect(fjord).toMatchObject({
      effective_date: "2020-01-01",
      reporter_id: null,
      derived_from_report_id: reports.norddal,
      seq: 1,
    });
    const succession = await db
      .selectFrom("succession")
      .select("id")
      .where("cooperation_id", "=", cooperationId)
      .executeTakeFirstOrThrow();
    expect(fjord.succession_id).toBe(succession.id);
    expect(fjord.comment).toContain("Norddal (1524): Under innføring");
    expect(fjord.comment).toContain("Stordal (1526): Tatt i bruk");
    // the predecessors' histories stay as they were
    expect(await db.selectFrom("uptake_report").select("id").where("effective_date", "=", "2019-06-01").execute()).toHaveLength(
      8,
    );

    const grant = await db
      .selectFrom("role_grant")
      .select(["municipality_id", "moved_from_municipality_id"])
      .where("cooperation_id", "=", cooperationId)
      .where("role", "=", "reporter")
      .executeTakeFirstOrThrow();
    expect(grant).toEqual({ municipality_id: ids["1507"], moved_from_municipality_id: ids["1523"] });
    const mail = await db.selectFrom("mail_message").selectAll().where("kind", "=", "reporter_moved").execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to_address: "orskog@example.test", language: "nn", municipality_id: ids["1507"] });
    expect(mail[0]!.body_text).toContain("frå Ørskog (1523) til Ålesund (1507)");

    const host = await db
      .selectFrom("cooperation")
      .select("host_municipality_id")
      .where("id", "=", cooperationId)
      .executeTakeFirstOrThrow();
    expect(host.host_municipality_id).toBe(ids["1507"]);

    const audit = await db.selectFrom("audit_event").selectAll().where("action", "=", "succession.applied").execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ date: "2020-01-01", byItself: true });
  });

  it("does nothing the second time, nor when ten ask at once", async () => {
    const before = await written(db);
    expect((await carryThrough(db, { cooperationId, date: "2020-01-01", actorId: null, today: TODAY })).status).toBe(
      "alreadyDone",
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, () => carryThrough(db, { cooperationId, date: "2020-01-01", actorId: null, today: TODAY })),
    );
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(["alreadyDone"]));
    expect(await written(db)).toEqual(before);
  });

  it("then finds the 2024 split of the successor, and carries it through once with its statuses", async () => {
    const days = await changeDays(db, cooperationId);
    expect(days.map((d) => [d.date, d.applied === null])).toEqual([
      ["2020-01-01", false],
      ["2024-01-01", true],
    ]);
    // ten at once, as the job of two server processes and a secretariat might: one carries it through
    const results = await Promise.all(
      Array.from({ length: 10 }, () => carryThrough(db, { cooperationId, date: "2024-01-01", actorId: null, today: TODAY })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["alreadyDone", ...Array(8).fill("alreadyDone"), "applied"].sort());
    expect(await db.selectFrom("audit_event").select("id").where("action", "=", "succession.applied").execute()).toHaveLength(2);
    const after = await participation(db, { cooperationId, date: "2024-01-01" });
    expect([...after.keys()].sort()).toEqual([ids["1508"], ids["1580"], ids["1578"], ids["1525"]].sort());
    const statuses = await statusesOn(db, { cooperationId, date: "2024-01-01" });
    expect(statuses.get(`${chosen}|${ids["1508"]}`)).toBe("in_progress");
    expect(statuses.get(`${chosen}|${ids["1580"]}`)).toBe("in_progress");
    // the reporter follows the successor with the predecessor's name
    const grant = await db
      .selectFrom("role_grant")
      .select(["municipality_id", "moved_from_municipality_id"])
      .where("cooperation_id", "=", cooperationId)
      .where("role", "=", "reporter")
      .executeTakeFirstOrThrow();
    expect(grant).toEqual({ municipality_id: ids["1508"], moved_from_municipality_id: ids["1507"] });
    const host = await db
      .selectFrom("cooperation")
      .select("host_municipality_id")
      .where("id", "=", cooperationId)
      .executeTakeFirstOrThrow();
    expect(host.host_municipality_id).toBe(ids["1508"]);
    expect(await carryThroughDue(db, { cooperationId, before: TODAY, actorId: null, today: TODAY })).toEqual([]);
  });

  it("confirms a moved reporter once", async () => {
    const { moved } = await successionView(db, cooperationId, TODAY);
    expect(moved.map((m) => [m.name, m.from.number, m.to.number])).toEqual([["Rapportør Ørskog", "1507", "1508"]]);
    const actorId = (await db.selectFrom("app_user").select("id").executeTakeFirstOrThrow()).id;
    expect(await confirmMovedReporter(db, { cooperationId, grantId: moved[0]!.grantId, actorId })).toBe(true);
    expect(await confirmMovedReporter(db, { cooperationId, grantId: moved[0]!.grantId, actorId })).toBe(false);
    expect((await successionView(db, cooperationId, TODAY)).moved).toEqual([]);
  });

  it("touches no cooperation whose members the register did not change", async () => {
    const other = storedCooperationId(
      await createCooperation(db, { slug: "ingen-endring", name: "Uendret", onDate: "2024-01-01" }),
    );
    await addMembers(db, { slug: "ingen-endring", municipalities: ["1508", "1525"], joinedOn: "2024-01-01" });
    expect(await changeDays(db, other)).toEqual([]);
    expect(await carryThroughDue(db, { cooperationId: other, before: TODAY, actorId: null, today: TODAY })).toEqual([]);
    expect((await successionView(db, other, TODAY)).days).toEqual([]);
  });
});
