import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { osloToday } from "@shared-schema/dates";
import type { DB } from "../../db/connect";
import type { CooperationRole } from "../../db/schema";
import { recordAudit } from "../../app/audit/audit.server";
import { getCooperationOverview } from "../../app/overview/front-page.server";
import type { CooperationScope } from "../../app/cooperation/scope.server";
import { changeStamp, overviewCache } from "../../app/overview/cache.server";
import { statusesOn } from "../../app/uptake/statuses.server";
import { uptakeMatrix } from "../../app/overview/overview.server";
import { saveUptakeReports } from "../../app/uptake/report.server";
import { seedDemo } from "../../seeds/demo";
import { testDatabases } from "../support/databases";
import { currentMunicipalityId, statusReport, cooperationIdOf } from "../support/queries";
import { storedCooperationId, type CooperationId } from "../../app/cooperation/scope.server";

/*
 * Cached overviews (app/overview/cache.server.ts) on SQLite and PostgreSQL: a value is computed
 * once while nothing changes, and anew after any audited change of the cooperation or of the
 * platform — including the real uptake save a reporter makes.
 */

describe.each(testDatabases())("overview cache on $name", (database) => {
  let db: DB;
  let close: () => Promise<void>;
  let coopId: CooperationId;
  let otherCoopId: CooperationId;
  let giske: string;
  let giskeUser: string;

  beforeAll(async () => {
    ({ db, close } = await database.open());
    await seedDemo(db);
    coopId = await cooperationIdOf(db, "ekommune-sunnmore");
    otherCoopId = storedCooperationId(randomUUID());
    await db
      .insertInto("cooperation")
      .values({
        id: otherCoopId,
        slug: `annan-${otherCoopId.slice(0, 8)}`,
        name: "Anna samarbeid",
        description: "",
        legal_form: null,
        host_municipality_id: null,
        default_language: "nn",
        accessibility_statement_url: null,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    giske = await currentMunicipalityId(db, "1532");
    giskeUser = (await db.selectFrom("app_user").select("id").where("email", "=", "ikt@giske.example").executeTakeFirstOrThrow())
      .id;
  });
  afterAll(async () => {
    await close();
  });

  const audit = (cooperationId: CooperationId | null) =>
    recordAudit(db, { cooperationId, actorId: null, action: "test.change", entityType: "test", entityId: randomUUID() });

  /** the first measure every member takes part in */
  const measureOfAllMembers = () =>
    db
      .selectFrom("measure")
      .select(["id", "number"])
      .where("cooperation_id", "=", coopId)
      .where("all_members", "=", 1)
      .orderBy("number")
      .executeTakeFirstOrThrow();

  /** a fresh key and a computation that counts its calls */
  function counter() {
    let calls = 0;
    const key = `test|${randomUUID()}`;
    return {
      get: async () => (await overviewCache(db, coopId)).get(key, async () => ++calls),
      calls: () => calls,
    };
  }

  it("computes once while nothing changes; anew after a change of the cooperation or the platform, not of another cooperation", async () => {
    const value = counter();
    expect(await value.get()).toBe(1);
    expect(await value.get()).toBe(1);

    await audit(otherCoopId);
    expect(await value.get()).toBe(1);

    await audit(coopId);
    expect(await value.get()).toBe(2);

    await audit(null);
    expect(await value.get()).toBe(3);
    expect(value.calls()).toBe(3);
  });

  it("moves the stamp for every change, also several within the same millisecond", async () => {
    const at = new Date().toISOString();
    const stamps = [await changeStamp(db, coopId)];
    for (let i = 0; i < 3; i++) {
      await db
        .insertInto("audit_event")
        .values({
          id: randomUUID(),
          cooperation_id: coopId,
          actor_id: null,
          action: "test.change",
          entity_type: "test",
          entity_id: randomUUID(),
          before: null,
          after: null,
          created_at: at,
        })
        .execute();
      stamps.push(await changeStamp(db, coopId));
    }
    expect(new Set(stamps).size).toBe(4);
  });

  it("shares one computation between concurrent callers and keeps no failure", async () => {
    const key = `test|${randomUUID()}`;
    let calls = 0;
    const slow = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return calls;
    };
    const cache = await overviewCache(db, coopId);
    expect(await Promise.all([cache.get(key, slow), cache.get(key, slow), cache.get(key, slow)])).toEqual([1, 1, 1]);

    const failing = `test|${randomUUID()}`;
    await expect(cache.get(failing, async () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
    expect(await cache.get(failing, async () => "recovered")).toBe("recovered");
  });

  it("a matrix cached before a reporter's save shows the saved status afterwards", async () => {
    const key = `test-matrix|${randomUUID()}`;
    const matrix = async () =>
      (await overviewCache(db, coopId)).get(
        key,
        async () => (await uptakeMatrix(db, { cooperationId: coopId, year: 2014 })).matrix,
      );
    const cellOf = (m: Awaited<ReturnType<typeof matrix>>, number: number) => {
      const column = m.municipalities.findIndex((mu) => mu.id === giske);
      const row = m.groups.flatMap((g) => g.measures).find((r) => r.number === number)!;
      return row.cells[column];
    };
    const before = await matrix();
    const measure = await measureOfAllMembers();
    const next = cellOf(before, measure.number) === "realised" ? "in_use" : "realised";
    expect(await matrix()).toBe(before);

    await saveUptakeReports(db, {
      cooperationId: coopId,
      municipalityId: giske,
      userId: giskeUser,
      reports: [statusReport(measure.id, next, "2014-12-31")],
    });
    const after = await matrix();
    expect(after).not.toBe(before);
    expect(cellOf(after, measure.number)).toBe(next);
  });

  it("the cooperation's front page is shared by its readers until a reporter's save, each with their own roles", async () => {
    const scope = (userId: string, roles: CooperationRole[], municipalityId: string | null): CooperationScope => ({
      cooperationId: coopId,
      slug: "ekommune-sunnmore",
      name: "eKommune Sunnmøre",
      defaultLanguage: "nn",
      userId,
      roles,
      municipalityId,
      municipalityName: null,
    });
    const reporter = scope(giskeUser, ["reporter"], giske);
    const viewer = scope(randomUUID(), ["viewer"], null);
    const before = await getCooperationOverview(db, reporter);
    const viewed = await getCooperationOverview(db, viewer);
    expect(viewed.measures).toBe(before.measures);
    expect(before.you).toEqual({ roles: ["reporter"], municipalityName: "Giske" });
    expect(viewed.you).toEqual({ roles: ["viewer"], municipalityName: null });

    const measure = await measureOfAllMembers();
    const today = osloToday();
    const current = (await statusesOn(db, { cooperationId: coopId, date: today })).get(`${measure.id}|${giske}`);
    const next = current === "in_use" || current === "realised" ? "not_relevant" : "in_use";
    await saveUptakeReports(db, {
      cooperationId: coopId,
      municipalityId: giske,
      userId: giskeUser,
      reports: [statusReport(measure.id, next, today)],
    });
    const after = await getCooperationOverview(db, viewer);
    const uptakeOf = (o: typeof before) => o.measures.find((m) => m.number === measure.number)!.uptake;
    expect(uptakeOf(after)).not.toEqual(uptakeOf(before));
    expect(uptakeOf(after).inUse - uptakeOf(before).inUse).toBe(next === "in_use" ? 1 : -1);
  });
});
