/*
 * The strategy data layer on SQLite and PostgreSQL: a frozen strategy stays frozen through every
 * mutating function (and in the database itself), optimistic concurrency, adoption archives the
 * predecessor, a revision keeps the old text, every change is audited with before/after, and
 * yearly evaluations upsert per goal and year.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { StrategyFrozenError, StrategyNotFoundError, StrategyRuleError } from "../../app/strategy/errors.server";
import { findCurrentStrategy } from "../../app/strategy/strategy.server";
import { getStrategyDetail, listStrategies } from "../../app/strategy/strategy-read.server";
import {
  addFocusArea,
  addGoal,
  adoptStrategy,
  CONTENT_MUTATIONS,
  createStrategy,
  moveFocusArea,
  moveGoal,
  removeFocusArea,
  removeGoal,
  saveGoalEvaluations,
  startRevision,
  updateFocusArea,
  updateGoal,
  updateStrategy,
} from "../../app/strategy/strategy-write.server";
import { StaleVersionError } from "../../app/utils/errors.server";
import { seedDemo } from "../../seeds/demo";
import { EKOMMUNE, EKOMMUNE_STRATEGY, KNUTEPUNKT } from "../../seeds/demo-content";
import { testDatabases } from "../support/databases";
import { cooperationIdOf } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";

const values = (title: string, from = 2025, to = 2028) => ({
  title,
  periodFrom: from,
  periodTo: to,
  vision: "Saman om digitale tenester",
  purpose: "Gode, framtidsretta og kostnadseffektive løysingar.",
  principles: ["Sky er førstevalet", "Eitt nytt system inn betyr eitt system ut"],
  nationalGuidelines: ["KS eKommune 2012"],
});
const area = (title: string) => ({ title, description: `Skildring av ${title}`, rationale: `Grunngjeving for ${title}` });
const goal = (text: string) => ({ text, indicator: null, target: null });
const decision = { body: "board" as const, decidedOn: "2025-03-12", caseNumber: "21/13", text: "Styret vedtek strategien." };

describe.each(testDatabases())("strategy data layer on $name", (database) => {
  let db: DB;
  let close: () => Promise<void>;
  let ekommuneId: CooperationId;
  let knutepunktId: CooperationId;
  let userId: string;

  const versionOf = async (id: string) =>
    (await db.selectFrom("strategy").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
  const statusOf = async (id: string) =>
    (await db.selectFrom("strategy").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;
  const auditFor = (entityId: string) =>
    db.selectFrom("audit_event").selectAll().where("entity_id", "=", entityId).orderBy("created_at").execute();

  beforeAll(async () => {
    ({ db, close } = await database.open());
    await seedDemo(db);
    ekommuneId = await cooperationIdOf(db, EKOMMUNE.slug);
    knutepunktId = await cooperationIdOf(db, KNUTEPUNKT.slug);
    userId = (
      await db
        .selectFrom("app_user")
        .select("id")
        .where("email", "=", "sekretariat@ekommune-sunnmore.example")
        .executeTakeFirstOrThrow()
    ).id;
  }, 120_000);
  afterAll(async () => {
    await close();
  });

  it("the adopted demo strategy is frozen: every mutating function refuses with StrategyFrozenError and changes nothing", async () => {
    const adopted = await db
      .selectFrom("strategy")
      .selectAll()
      .where("cooperation_id", "=", ekommuneId)
      .where("status", "=", "adopted")
      .executeTakeFirstOrThrow();
    const detail = (await getStrategyDetail(db, { cooperationId: ekommuneId, strategyId: adopted.id }))!;
    const [a0, a1] = detail.focusAreas;
    const g0 = a0.goals[0];
    const s = { cooperationId: ekommuneId, userId, strategyId: adopted.id, version: adopted.version };
    const attempts: Record<(typeof CONTENT_MUTATIONS)[number], () => Promise<unknown>> = {
      updateStrategy: () => updateStrategy(db, { ...s, values: values("Endra") }),
      adoptStrategy: () => adoptStrategy(db, { ...s, decision }),
      addFocusArea: () => addFocusArea(db, { ...s, values: area("Nytt") }),
      updateFocusArea: () => updateFocusArea(db, { ...s, focusAreaId: a0.id, values: area("Endra") }),
      removeFocusArea: () => removeFocusArea(db, { ...s, focusAreaId: a1.id }),
      moveFocusArea: () => moveFocusArea(db, { ...s, focusAreaId: a1.id, direction: "up" }),
      addGoal: () => addGoal(db, { ...s, focusAreaId: a0.id, values: goal("Nytt mål") }),
      updateGoal: () => updateGoal(db, { ...s, goalId: g0.id, values: goal("Endra mål") }),
      removeGoal: () => removeGoal(db, { ...s, goalId: g0.id }),
      moveGoal: () => moveGoal(db, { ...s, goalId: a0.goals[1].id, direction: "up" }),
    };
    expect(Object.keys(attempts).sort()).toEqual([...CONTENT_MUTATIONS].sort());
    const snapshot = async () => ({
      strategy: await db.selectFrom("strategy").selectAll().where("id", "=", adopted.id).executeTakeFirstOrThrow(),
      detail: await getStrategyDetail(db, { cooperationId: ekommuneId, strategyId: adopted.id }),
      audit: (await db.selectFrom("audit_event").select("id").execute()).length,
      decisions: (await db.selectFrom("decision").select("id").execute()).length,
    });
    const before = await snapshot();
    for (const [name, attempt] of Object.entries(attempts)) {
      await expect(attempt(), name).rejects.toBeInstanceOf(StrategyFrozenError);
    }
    expect(await snapshot()).toEqual(before);
    expect(before.detail!.title).toBe(EKOMMUNE_STRATEGY.title);
  });

  it("the database refuses changes to a frozen strategy's content too", async () => {
    const adopted = await db
      .selectFrom("strategy")
      .select("id")
      .where("cooperation_id", "=", ekommuneId)
      .where("status", "=", "adopted")
      .executeTakeFirstOrThrow();
    const areaRow = await db
      .selectFrom("focus_area")
      .select("id")
      .where("strategy_id", "=", adopted.id)
      .executeTakeFirstOrThrow();
    const goalRow = await db.selectFrom("goal").select("id").where("focus_area_id", "=", areaRow.id).executeTakeFirstOrThrow();
    await expect(db.updateTable("strategy").set({ title: "Endra" }).where("id", "=", adopted.id).execute()).rejects.toThrow(
      /frozen/,
    );
    await expect(db.updateTable("strategy").set({ status: "draft" }).where("id", "=", adopted.id).execute()).rejects.toThrow(
      /frozen/,
    );
    await expect(db.deleteFrom("strategy").where("id", "=", adopted.id).execute()).rejects.toThrow(/frozen/);
    await expect(db.updateTable("focus_area").set({ title: "Endra" }).where("id", "=", areaRow.id).execute()).rejects.toThrow(
      /frozen/,
    );
    await expect(db.deleteFrom("goal").where("id", "=", goalRow.id).execute()).rejects.toThrow(/frozen/);
    await expect(db.updateTable("goal").set({ text: "Endra" }).where("id", "=", goalRow.id).execute()).rejects.toThrow(/frozen/);
  });

  it("refuses a stale version and keeps the other person's change", async () => {
    const id = await createStrategy(db, { cooperationId: knutepunktId, userId, values: values("Utkast A") });
    expect(await versionOf(id)).toBe(1);
    await updateStrategy(db, {
      cooperationId: knutepunktId,
      userId,
      strategyId: id,
      version: 1,
      values: values("Fyrste lagring"),
    });
    expect(await versionOf(id)).toBe(2);
    await expect(
      updateStrategy(db, { cooperationId: knutepunktId, userId, strategyId: id, version: 1, values: values("Andre lagring") }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    await expect(
      addFocusArea(db, { cooperationId: knutepunktId, userId, strategyId: id, version: 1, values: area("Sein") }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const detail = await getStrategyDetail(db, { cooperationId: knutepunktId, strategyId: id });
    expect(detail!.title).toBe("Fyrste lagring");
    expect(detail!.focusAreas).toEqual([]);
    expect(detail!.version).toBe(2);
  });

  it("stays inside the cooperation: another cooperation's id is not found", async () => {
    const id = await createStrategy(db, { cooperationId: knutepunktId, userId, values: values("Berre Knutepunkt") });
    await expect(
      updateStrategy(db, { cooperationId: ekommuneId, userId, strategyId: id, version: 1, values: values("Kapra") }),
    ).rejects.toBeInstanceOf(StrategyNotFoundError);
    await expect(
      adoptStrategy(db, { cooperationId: ekommuneId, userId, strategyId: id, version: 1, decision }),
    ).rejects.toBeInstanceOf(StrategyNotFoundError);
    expect(await getStrategyDetail(db, { cooperationId: ekommuneId, strategyId: id })).toBeNull();
  });

  it("every change writes an audit event with before and after", async () => {
    const c = { cooperationId: knutepunktId, userId };
    const id = await createStrategy(db, { ...c, values: values("Revidert strategi") });
    let v = 1;
    const areaA = await addFocusArea(db, { ...c, strategyId: id, version: v++, values: area("Digital samhandling") });
    const areaB = await addFocusArea(db, { ...c, strategyId: id, version: v++, values: area("Digital kompetanse") });
    const goal1 = await addGoal(db, { ...c, strategyId: id, version: v++, focusAreaId: areaA, values: goal("Mål 1") });
    const goal2 = await addGoal(db, { ...c, strategyId: id, version: v++, focusAreaId: areaA, values: goal("Mål 2") });
    await updateStrategy(db, { ...c, strategyId: id, version: v++, values: values("Revidert strategi 2025–2028") });
    await updateFocusArea(db, {
      ...c,
      strategyId: id,
      version: v++,
      focusAreaId: areaA,
      values: area("Digital samhandling og deling"),
    });
    await updateGoal(db, {
      ...c,
      strategyId: id,
      version: v++,
      goalId: goal1,
      values: { text: "Mål 1b", indicator: "Tal", target: "40" },
    });
    await moveFocusArea(db, { ...c, strategyId: id, version: v++, focusAreaId: areaB, direction: "up" });
    await moveGoal(db, { ...c, strategyId: id, version: v++, goalId: goal2, direction: "up" });
    const detail = (await getStrategyDetail(db, { cooperationId: knutepunktId, strategyId: id }))!;
    expect(detail.focusAreas.map((a) => a.title)).toEqual(["Digital kompetanse", "Digital samhandling og deling"]);
    expect(detail.focusAreas[1].goals.map((g) => g.text)).toEqual(["Mål 2", "Mål 1b"]);
    await removeGoal(db, { ...c, strategyId: id, version: v++, goalId: goal2 });
    await removeFocusArea(db, { ...c, strategyId: id, version: v++, focusAreaId: areaB });

    const strategyAudit = await auditFor(id);
    expect(strategyAudit.map((e) => e.action)).toEqual(["strategy.created", "strategy.updated"]);
    expect(strategyAudit[0]).toMatchObject({ actor_id: userId, cooperation_id: knutepunktId, before: null });
    expect(JSON.parse(strategyAudit[1].before!).title).toBe("Revidert strategi");
    expect(JSON.parse(strategyAudit[1].after!).title).toBe("Revidert strategi 2025–2028");
    expect(JSON.parse(strategyAudit[1].after!).principles).toEqual(values("x").principles);

    const areaAudit = await auditFor(areaA);
    expect(areaAudit.map((e) => e.action)).toEqual(["focus_area.created", "focus_area.updated"]);
    expect(JSON.parse(areaAudit[1].before!).title).toBe("Digital samhandling");
    expect(JSON.parse(areaAudit[1].after!).title).toBe("Digital samhandling og deling");
    const areaBAudit = await auditFor(areaB);
    expect(areaBAudit.map((e) => e.action)).toEqual(["focus_area.created", "focus_area.moved", "focus_area.deleted"]);
    expect(JSON.parse(areaBAudit[1].before!).order).toEqual([areaA, areaB]);
    expect(JSON.parse(areaBAudit[1].after!).order).toEqual([areaB, areaA]);
    expect(areaBAudit[2].after).toBeNull();
    expect(JSON.parse(areaBAudit[2].before!).title).toBe("Digital kompetanse");

    const goal1Audit = await auditFor(goal1);
    expect(goal1Audit.map((e) => e.action)).toEqual(["goal.created", "goal.updated"]);
    expect(JSON.parse(goal1Audit[1].after!)).toMatchObject({ text: "Mål 1b", indicator: "Tal", target: "40" });
    const goal2Audit = await auditFor(goal2);
    expect(goal2Audit.map((e) => e.action)).toEqual(["goal.created", "goal.moved", "goal.deleted"]);
    for (const e of [...strategyAudit, ...areaAudit, ...areaBAudit, ...goal1Audit, ...goal2Audit]) {
      expect(e.actor_id).toBe(userId);
      expect(e.cooperation_id).toBe(knutepunktId);
      if (!e.action.endsWith(".created")) expect(e.before, e.action).not.toBeNull();
      if (!e.action.endsWith(".deleted")) expect(e.after, e.action).not.toBeNull();
    }
  });

  it("adoption archives the previously adopted strategy; a revision keeps the old text and its history", async () => {
    const c = { cooperationId: knutepunktId, userId };
    const first = await createStrategy(db, { ...c, values: values("IT-strategi 2013–2016", 2013, 2016) });
    const areaId = await addFocusArea(db, { ...c, strategyId: first, version: 1, values: area("Samhandling") });
    await addGoal(db, { ...c, strategyId: first, version: 2, focusAreaId: areaId, values: goal("Fleire digitale tenester") });
    const firstDecision = await adoptStrategy(db, { ...c, strategyId: first, version: 3, decision });
    expect(await statusOf(first)).toBe("adopted");
    const firstDetail = (await getStrategyDetail(db, { cooperationId: knutepunktId, strategyId: first }))!;
    expect(firstDetail.decision).toMatchObject({ body: "board", decidedOn: "2025-03-12", caseNumber: "21/13" });
    expect((await db.selectFrom("decision").selectAll().where("id", "=", firstDecision).executeTakeFirstOrThrow()).outcome).toBe(
      "adopted",
    );

    // a revision: a draft copy pointing back; starting it twice gives the same draft
    const revision = await startRevision(db, { ...c, strategyId: first });
    expect(await startRevision(db, { ...c, strategyId: first })).toBe(revision);
    const revDetail = (await getStrategyDetail(db, { cooperationId: knutepunktId, strategyId: revision }))!;
    expect(revDetail.status).toBe("draft");
    expect(revDetail.revisionOf).toEqual({ id: first, title: "IT-strategi 2013–2016", status: "adopted" });
    expect(revDetail.focusAreas.map((a) => a.title)).toEqual(["Samhandling"]);
    expect(revDetail.focusAreas[0].id).not.toBe(areaId);
    expect(revDetail.focusAreas[0].goals.map((g) => g.text)).toEqual(["Fleire digitale tenester"]);
    await updateStrategy(db, {
      ...c,
      strategyId: revision,
      version: 1,
      values: values("IT-strategi 2013–2016, revidert 2015", 2013, 2016),
    });
    await updateGoal(db, {
      ...c,
      strategyId: revision,
      version: 2,
      goalId: revDetail.focusAreas[0].goals[0].id,
      values: goal("Alle skjema digitale"),
    });
    // the adopted original is untouched while the revision is worked on
    expect(await getStrategyDetail(db, { cooperationId: knutepunktId, strategyId: first })).toEqual({
      ...firstDetail,
      revisions: [{ id: revision, title: "IT-strategi 2013–2016, revidert 2015", status: "draft" }],
    });
    expect((await findCurrentStrategy(db, { cooperationId: knutepunktId }))!.id).toBe(first);

    await adoptStrategy(db, {
      ...c,
      strategyId: revision,
      version: 3,
      decision: { ...decision, decidedOn: "2015-06-01", caseNumber: "15/7" },
    });
    expect(await statusOf(revision)).toBe("adopted");
    expect(await statusOf(first)).toBe("archived");
    const archived = (await getStrategyDetail(db, { cooperationId: knutepunktId, strategyId: first }))!;
    expect(archived.title).toBe("IT-strategi 2013–2016");
    expect(archived.focusAreas[0].goals.map((g) => g.text)).toEqual(["Fleire digitale tenester"]);
    expect(archived.decision).toEqual(firstDetail.decision);
    expect(archived.revisions).toEqual([{ id: revision, title: "IT-strategi 2013–2016, revidert 2015", status: "adopted" }]);
    expect((await findCurrentStrategy(db, { cooperationId: knutepunktId }))!.id).toBe(revision);
    expect((await auditFor(first)).map((e) => e.action)).toContain("strategy.archived");
    const archivedAudit = (await auditFor(first)).find((e) => e.action === "strategy.archived")!;
    expect(JSON.parse(archivedAudit.before!).status).toBe("adopted");
    expect(JSON.parse(archivedAudit.after!).status).toBe("archived");

    // an archived strategy is frozen as well, and cannot be revised
    await expect(
      updateStrategy(db, { ...c, strategyId: first, version: await versionOf(first), values: values("Endra") }),
    ).rejects.toBeInstanceOf(StrategyFrozenError);
    await expect(startRevision(db, { ...c, strategyId: first })).rejects.toBeInstanceOf(StrategyRuleError);

    // a successor for the next period archives the revision; one adopted strategy at a time
    const next = await createStrategy(db, { ...c, values: values("IT-strategi 2017–2020", 2017, 2020) });
    await adoptStrategy(db, { ...c, strategyId: next, version: 1, decision: { ...decision, decidedOn: "2016-12-01" } });
    expect(await statusOf(revision)).toBe("archived");
    const adoptedNow = (await listStrategies(db, { cooperationId: knutepunktId })).filter((s) => s.status === "adopted");
    expect(adoptedNow.map((s) => s.id)).toEqual([next]);
    // eKommune's strategies are not touched by Knutepunkt's adoptions
    expect(
      (await listStrategies(db, { cooperationId: ekommuneId })).filter((s) => s.status === "adopted").map((s) => s.title),
    ).toEqual([EKOMMUNE_STRATEGY.title]);
    // and the database itself allows only one adopted strategy per cooperation
    await expect(sql`update strategy set status = 'adopted' where id = ${revision}`.execute(db)).rejects.toThrow();
  });

  it("yearly evaluations upsert per goal and year, keep past years, and are audited", async () => {
    const adopted = await db
      .selectFrom("strategy")
      .selectAll()
      .where("cooperation_id", "=", ekommuneId)
      .where("status", "=", "adopted")
      .executeTakeFirstOrThrow();
    const detail = (await getStrategyDetail(db, { cooperationId: ekommuneId, strategyId: adopted.id }))!;
    // the demo carries evaluations for 2013 and 2014
    expect(detail.evaluationYears).toEqual([2014, 2013]);
    const g = detail.focusAreas[1].goals[0];
    const s = { cooperationId: ekommuneId, userId, strategyId: adopted.id };
    await saveGoalEvaluations(db, { ...s, year: 2015, entries: [{ goalId: g.id, assessment: "Godt i gang.", shown: "" }] });
    await saveGoalEvaluations(db, { ...s, year: 2016, entries: [{ goalId: g.id, assessment: "Nådd.", shown: "" }] });
    await saveGoalEvaluations(db, {
      ...s,
      year: 2015,
      entries: [{ goalId: g.id, assessment: "Godt i gang, men ujamt.", shown: "Godt i gang." }],
    });
    const rows = await db.selectFrom("goal_evaluation").selectAll().where("goal_id", "=", g.id).orderBy("year").execute();
    expect(rows.map((r) => [r.year, r.assessment])).toEqual([
      [2014, expect.any(String)],
      [2015, "Godt i gang, men ujamt."],
      [2016, "Nådd."],
    ]);
    const row2015 = rows.find((r) => r.year === 2015)!;
    const audit = await auditFor(row2015.id);
    expect(audit.map((e) => e.action)).toEqual(["goal_evaluation.created", "goal_evaluation.updated"]);
    expect(JSON.parse(audit[1].before!).assessment).toBe("Godt i gang.");
    expect(JSON.parse(audit[1].after!).assessment).toBe("Godt i gang, men ujamt.");
    // unchanged text writes nothing
    expect(
      (await saveGoalEvaluations(db, { ...s, year: 2016, entries: [{ goalId: g.id, assessment: "Nådd.", shown: "Nådd." }] }))
        .changed,
    ).toBe(0);

    // two editors opened the 2016 form on "Nådd."; the second saves after the first
    await saveGoalEvaluations(db, { ...s, year: 2016, entries: [{ goalId: g.id, assessment: "Nådd i juni.", shown: "Nådd." }] });
    // a form kept open does not put back the text it showed …
    const untouched = await saveGoalEvaluations(db, {
      ...s,
      year: 2016,
      entries: [{ goalId: g.id, assessment: "Nådd.", shown: "Nådd." }],
    });
    expect(untouched.changed).toBe(0);
    // … and a different change to the same goal is refused, with nothing of the form saved
    const goal2 = detail.focusAreas[0].goals[0];
    await expect(
      saveGoalEvaluations(db, {
        ...s,
        year: 2016,
        entries: [
          { goalId: goal2.id, assessment: "Ny vurdering.", shown: "" },
          { goalId: g.id, assessment: "Nådd i mai.", shown: "Nådd." },
        ],
      }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const stored2016 = await db
      .selectFrom("goal_evaluation")
      .select(["goal_id", "assessment"])
      .where("year", "=", 2016)
      .execute();
    expect(stored2016.filter((r) => r.goal_id === g.id).map((r) => r.assessment)).toEqual(["Nådd i juni."]);
    expect(stored2016.some((r) => r.goal_id === goal2.id)).toBe(false);
    // once the form shows the newer text, the writer's change is saved
    await saveGoalEvaluations(db, {
      ...s,
      year: 2016,
      entries: [{ goalId: g.id, assessment: "Nådd i mai.", shown: "Nådd i juni." }],
    });

    await expect(saveGoalEvaluations(db, { ...s, year: 2030, entries: [] })).rejects.toBeInstanceOf(StrategyRuleError);
    // a goal of another strategy is refused
    const otherGoal = await db
      .selectFrom("goal")
      .innerJoin("focus_area", "focus_area.id", "goal.focus_area_id")
      .select("goal.id")
      .where("focus_area.strategy_id", "<>", adopted.id)
      .executeTakeFirst();
    if (otherGoal) {
      await expect(
        saveGoalEvaluations(db, { ...s, year: 2015, entries: [{ goalId: otherGoal.id, assessment: "x", shown: "" }] }),
      ).rejects.toBeInstanceOf(StrategyRuleError);
    }
    // a draft has no evaluations
    const draft = await createStrategy(db, { cooperationId: ekommuneId, userId, values: values("Utkast") });
    await expect(saveGoalEvaluations(db, { ...s, strategyId: draft, year: 2025, entries: [] })).rejects.toBeInstanceOf(
      StrategyRuleError,
    );
    const after = (await getStrategyDetail(db, { cooperationId: ekommuneId, strategyId: adopted.id }))!;
    expect(after.evaluationYears).toEqual([2016, 2015, 2014, 2013]);
  });
});
