import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { dialectName } from "../../db/dialect";
import { migrateToLatest } from "../../db/migrate";
import { recordAudit } from "../../app/audit/audit.server";
import { userGrants } from "../../app/cooperation/guards.server";
import {
  AdminError,
  addMembers,
  createCooperation,
  createUser,
  grantRole,
  listCooperationsForAdmin,
} from "../../app/cooperation/admin.server";
import { getCooperationOverview } from "../../app/overview/front-page.server";
import { listUserCooperations, listUserGrants, scopeFromGrants } from "../../app/cooperation/scope.server";
import { seedDemo } from "../../seeds/demo";
import { testDatabases } from "../support/databases";
import { counting, insertMeasure } from "../support/queries";

describe.each(testDatabases())("data layer on $name", (database) => {
  let db: DB;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await database.open());
    await seedDemo(db);
  });
  afterAll(async () => {
    await close();
  });

  it("runs on the intended database, and migrating again changes nothing", async () => {
    expect(dialectName(db)).toBe(database.name);
    await migrateToLatest(db);
    const tables = await db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const table of [
      "cooperation",
      "municipality",
      "membership",
      "app_user",
      "user_session",
      "role_grant",
      "strategy",
      "focus_area",
      "goal",
      "goal_evaluation",
      "measure",
      "measure_participant",
      "measure_benefit",
      "action_plan",
      "plan_version",
      "plan_item",
      "decision",
      "uptake_report",
      "reporting_round",
      "annual_report",
      "comment",
      "audit_event",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("keeps the audit trail append-only in the database itself", async () => {
    await recordAudit(db, {
      cooperationId: null,
      actorId: null,
      action: "test.event",
      entityType: "test",
      entityId: "1",
      after: { a: 1 },
    });
    await expect(
      db.updateTable("audit_event").set({ action: "forged" }).where("action", "=", "test.event").execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_event").where("action", "=", "test.event").execute()).rejects.toThrow(/append-only/);
    const row = await db
      .selectFrom("audit_event")
      .select(["action", "after"])
      .where("entity_type", "=", "test")
      .executeTakeFirstOrThrow();
    expect(row.action).toBe("test.event");
    expect(JSON.parse(row.after!)).toEqual({ a: 1 });
  });

  it("refuses a reporter without a municipality, or a municipality on another role, at the database level", async () => {
    const coop = await db
      .selectFrom("cooperation")
      .select("id")
      .where("slug", "=", "ekommune-sunnmore")
      .executeTakeFirstOrThrow();
    const user = await db
      .selectFrom("app_user")
      .select("id")
      .where("email", "=", "admin@fellesloft.example")
      .executeTakeFirstOrThrow();
    const giske = await db.selectFrom("municipality").select("id").where("number", "=", "1532").executeTakeFirstOrThrow();
    const base = { user_id: user.id, cooperation_id: coop.id, created_at: new Date().toISOString() };
    await expect(
      db
        .insertInto("role_grant")
        .values({ ...base, id: "x1", role: "reporter", municipality_id: null })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto("role_grant")
        .values({ ...base, id: "x2", role: "viewer", municipality_id: giske.id })
        .execute(),
    ).rejects.toThrow();
  });

  it("enforces foreign keys", async () => {
    await expect(
      db
        .insertInto("membership")
        .values({ id: "m-x", cooperation_id: "no-such-cooperation", municipality_id: "no-such", joined_on: "2020-01-01" })
        .execute(),
    ).rejects.toThrow();
  });

  it("stores money as exact øre beyond 32-bit range and reads it back as a number", async () => {
    const coop = await db
      .selectFrom("cooperation")
      .select("id")
      .where("slug", "=", "ekommune-sunnmore")
      .executeTakeFirstOrThrow();
    await insertMeasure(db, {
      id: "big",
      cooperation_id: coop.id,
      number: 999,
      name: "Stort",
      status: "proposed",
      investment_cost: 12_345_678_901_23,
      running_cost: 1,
    });
    const row = await db.selectFrom("measure").select("investment_cost").where("id", "=", "big").executeTakeFirstOrThrow();
    expect(row.investment_cost).toBe(12_345_678_901_23);
    await db.deleteFrom("measure").where("id", "=", "big").execute();
  });

  const findCooperationScope = async (db: DB, who: { slug: string; userId: string }) =>
    scopeFromGrants(await listUserGrants(db, who.userId), who);

  it("scopes a user to the cooperations they hold a role in", async () => {
    const giske = await db.selectFrom("app_user").select("id").where("email", "=", "ikt@giske.example").executeTakeFirstOrThrow();
    const scope = await findCooperationScope(db, { slug: "ekommune-sunnmore", userId: giske.id });
    expect(scope?.roles).toEqual(["reporter"]);
    const municipality = await db
      .selectFrom("municipality")
      .select(["number", "name"])
      .where("id", "=", scope!.municipalityId!)
      .executeTakeFirstOrThrow();
    expect(municipality).toEqual({ number: "1532", name: "Giske" });
    expect(await findCooperationScope(db, { slug: "knutepunkt-sorlandet", userId: giske.id })).toBeUndefined();
    expect(await findCooperationScope(db, { slug: "does-not-exist", userId: giske.id })).toBeUndefined();
    expect((await listUserCooperations(db, giske.id)).map((c) => c.slug)).toEqual(["ekommune-sunnmore"]);
  });

  it("reads a user's roles once per page load, and afresh in a request that runs an action", async () => {
    const user = await db.selectFrom("app_user").selectAll().where("email", "=", "ikt@giske.example").executeTakeFirstOrThrow();
    // the app's connection (app/db.server.ts) is this test's database, counted
    const probe = counting(db);
    const holder = globalThis as unknown as { __fellesloftDb?: DB };
    const previous = holder.__fellesloftDb;
    holder.__fellesloftDb = probe.db;
    try {
      const sessionUser = { id: user.id, email: user.email, name: user.name, language: null, isPlatformAdmin: false };
      const pageLoad = { request: new Request("http://localhost/c/ekommune-sunnmore/matrix"), context: {} as never };
      const [root, layout, page] = await Promise.all([1, 2, 3].map(() => userGrants(pageLoad, sessionUser)));
      expect(probe.count()).toBe(1);
      expect(root.map((g) => g.slug)).toEqual(["ekommune-sunnmore"]);
      expect(layout).toBe(root);
      expect(page).toBe(root);
      await userGrants({ ...pageLoad, context: {} as never }, sessionUser);
      expect(probe.count()).toBe(2);
      const withAction = {
        request: new Request("http://localhost/c/ekommune-sunnmore/matrix", { method: "POST" }),
        context: {} as never,
      };
      await userGrants(withAction, sessionUser);
      await userGrants(withAction, sessionUser);
      expect(probe.count()).toBe(4);
    } finally {
      holder.__fellesloftDb = previous;
    }
  });

  it("builds the overview from the demo data: members, strategy and uptake", async () => {
    const sekretariat = await db
      .selectFrom("app_user")
      .select("id")
      .where("email", "=", "sekretariat@ekommune-sunnmore.example")
      .executeTakeFirstOrThrow();
    const scope = (await findCooperationScope(db, { slug: "ekommune-sunnmore", userId: sekretariat.id }))!;
    const overview = await getCooperationOverview(db, scope);
    // today's members: the demo has carried the cooperation through the mergers of 2020 and the split of 2024
    expect(overview.members.map((m) => m.number)).toEqual(["1508", "1525", "1528", "1531", "1532", "1578", "1580"]);
    expect(overview.members.find((m) => m.number === "1525")?.population).toBe(4623);
    expect(overview.cooperation.hostMunicipality).toBe("Ålesund");
    expect(overview.strategy?.title).toBe("IKT-strategi for eKommune Sunnmøre 2013–2016");
    expect(overview.strategy?.status).toBe("adopted");
    expect(overview.strategy?.focusAreas.map((a) => a.title)).toEqual(["Digital samhandling", "Digital kompetanse"]);
    expect(overview.measures).toHaveLength(13);
    const feide = overview.measures.find((m) => m.number === 3)!;
    expect(feide.uptake).toEqual({ relevant: 7, inUse: 2, ratio: 2 / 7 });
    const portal = overview.measures.find((m) => m.number === 8)!;
    expect(portal.status).toBe("on_hold");
    // chosen participants, counted once each: the successors of the nine that took part
    expect(portal.uptake.relevant).toBe(7);
  });

  it("counts members and users per cooperation for the platform admin", async () => {
    // other tests of this file may add cooperations of their own; the demo's two are counted the same
    const rows = (await listCooperationsForAdmin(db)).filter((r) =>
      ["ekommune-sunnmore", "knutepunkt-sorlandet"].includes(r.slug),
    );
    expect(rows).toEqual([
      { slug: "ekommune-sunnmore", name: "eKommune Sunnmøre", members: 7, users: 5 },
      { slug: "knutepunkt-sorlandet", name: "Knutepunkt Sørlandet", members: 7, users: 1 },
    ]);
  });

  it("refuses bad administration input with a clear error and changes nothing", async () => {
    const count = async () =>
      Number(
        (
          await db
            .selectFrom("cooperation")
            .select(sql<number>`count(*)`.as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(createCooperation(db, { slug: "ekommune-sunnmore", name: "Dobbel" })).rejects.toMatchObject({
      key: "common:admin.duplicateSlug",
    });
    await expect(createCooperation(db, { slug: "ny", name: "Ny", hostMunicipality: "9998" })).rejects.toMatchObject({
      key: "common:admin.unknownMunicipality",
    });
    expect(await count()).toBe(before);
    await expect(
      addMembers(db, { slug: "ekommune-sunnmore", municipalities: ["1532", "0000"], joinedOn: "2026-01-01" }),
    ).rejects.toBeInstanceOf(AdminError);
    await expect(
      createUser(db, { email: "ikt@giske.example", name: "Dobbel", password: "lang-nok-passord" }),
    ).rejects.toMatchObject({ key: "common:admin.duplicateUser" });
    await expect(
      grantRole(db, { email: "ikt@giske.example", slug: "ekommune-sunnmore", role: "reporter", municipality: "1001" }),
    ).rejects.toMatchObject({ key: "common:admin.notAMember" });
    await expect(
      grantRole(db, { email: "ikt@giske.example", slug: "ekommune-sunnmore", role: "viewer", municipality: "1532" }),
    ).rejects.toMatchObject({ key: "common:admin.municipalityOnlyForReporters" });
    await expect(
      grantRole(db, { email: "ikt@giske.example", slug: "ekommune-sunnmore", role: "reporter", municipality: "1532" }),
    ).rejects.toMatchObject({ key: "common:admin.duplicateRole" });
    await expect(grantRole(db, { email: "nobody@example.org", slug: "ekommune-sunnmore", role: "viewer" })).rejects.toMatchObject(
      { key: "common:admin.unknownUser" },
    );
  });

  it("audits administration: who created what", async () => {
    await createCooperation(db, { slug: "fosen", name: "Fosen regionråd", hostMunicipality: "5054" });
    await addMembers(db, { slug: "fosen", municipalities: ["5054", "5057"], joinedOn: "2026-01-01" });
    const events = await db
      .selectFrom("audit_event")
      .innerJoin("cooperation", "cooperation.id", "audit_event.cooperation_id")
      .select(["audit_event.action", "audit_event.after"])
      .where("cooperation.slug", "=", "fosen")
      .orderBy("audit_event.created_at")
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(["cooperation.created", "membership.created", "membership.created"]);
    expect(JSON.parse(events.find((e) => e.action === "cooperation.created")!.after!).name).toBe("Fosen regionråd");
  });
});
