import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { diffPlans } from "../../app/plan/diff";
import {
  PlanExistsError,
  PlanForbiddenError,
  PlanNotFoundError,
  PlanRuleError,
  PlanTransitionError,
  PlanVersionFrozenError,
} from "../../app/plan/errors.server";
import { addPlanItem, removePlanItem, updatePlanItem } from "../../app/plan/plan-items.server";
import {
  createEmptyPlan,
  createPlanFromPreviousYear,
  findPlanByYear,
  loadPlanVersion,
  transitionPlanVersion,
  type DecisionInput,
  type TransitionRequest,
} from "../../app/plan/plan.server";
import { StaleVersionError } from "../../app/utils/errors.server";
import { osloToday } from "../../shared-schema/dates";
import { freshDemoEach, testDatabases } from "../support/databases";
import { cooperationIdOf, userIdByEmail } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";

/*
 * The demo already holds eKommune Sunnmøre's plans (2013 to next year, seeds/plan-demo.ts) and their
 * audit events and decisions. Each test builds its own plans, on its own copy of the demo, in years
 * the demo does not use, and leaves the demo's audit events and decisions out of its counts
 * (seededEvents, seededDecisions).
 */
const YEAR = 2033;

/** Norway's date `days` from today, yyyy-mm-dd. */
function daysFromToday(days: number): string {
  const d = new Date(`${osloToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DECISION: DecisionInput = {
  body: "chief_executives",
  decidedOn: "2013-02-14",
  caseNumber: "21/13",
  text: "Rådmannsutvalet godkjenner handlingsplanen for 2013.",
};

describe.each(testDatabases())("action plan on $name", (database) => {
  const demo = freshDemoEach(database);
  let db: DB;
  let coopId: CooperationId;
  let otherCoopId: CooperationId;
  let users: Record<"secretariat" | "board" | "reporter" | "otherSecretariat", string>;
  let measures: { id: string; number: number; status: string }[];
  let seededEvents: Set<string>;
  let seededDecisions: Set<string>;

  beforeEach(async () => {
    db = demo.db;
    coopId = await cooperationIdOf(db, "ekommune-sunnmore");
    otherCoopId = await cooperationIdOf(db, "knutepunkt-sorlandet");
    const user = (email: string) => userIdByEmail(db, email);
    users = {
      secretariat: await user("sekretariat@ekommune-sunnmore.example"),
      board: await user("styre@ekommune-sunnmore.example"),
      reporter: await user("ikt@giske.example"),
      otherSecretariat: await user("sekretariat@knutepunkt-sorlandet.example"),
    };
    seededEvents = new Set((await db.selectFrom("audit_event").select("id").execute()).map((e) => e.id));
    seededDecisions = new Set((await db.selectFrom("decision").select("id").execute()).map((d) => d.id));
    measures = await db
      .selectFrom("measure")
      .select(["id", "number", "status"])
      .where("cooperation_id", "=", coopId)
      .orderBy("number")
      .execute();
  });

  const as = (role: keyof typeof users) => ({ cooperationId: coopId, userId: users[role] });
  const currentVersion = async (versionId: string) =>
    (await db.selectFrom("plan_version").select("version").where("id", "=", versionId).executeTakeFirstOrThrow()).version;
  const act = async (role: keyof typeof users, versionId: string, request: TransitionRequest) =>
    transitionPlanVersion(db, { ...as(role), versionId, version: await currentVersion(versionId), request });
  const rawVersion = (id: string) => db.selectFrom("plan_version").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const rawItems = (id: string) =>
    db.selectFrom("plan_item").selectAll().where("plan_version_id", "=", id).orderBy("sort_order").execute();

  /** the YEAR plan in draft with every measure of the cooperation, budgeted by its number */
  async function draftWithEveryMeasure(): Promise<string> {
    const { versionId } = await createEmptyPlan(db, { ...as("secretariat"), year: YEAR });
    for (const m of measures) {
      await addPlanItem(db, {
        ...as("secretariat"),
        versionId,
        version: await currentVersion(versionId),
        measureId: m.id,
        values: { budget: m.number * 10_000_00, priority: m.number % 3, periodFrom: 2013, periodTo: 2016, milestones: "Pilot" },
      });
    }
    return versionId;
  }

  /** the secretariat sends a draft out for input until a day already past, and submits it */
  async function sendAndSubmit(versionId: string, inputDeadline: string) {
    await act("secretariat", versionId, { action: "sendForInput", inputDeadline });
    await act("secretariat", versionId, { action: "submit" });
  }

  /** the YEAR plan taken through input and approved by the board, as the first test does it */
  async function approvedPlan(): Promise<string> {
    const versionId = await draftWithEveryMeasure();
    await sendAndSubmit(versionId, "2013-02-01");
    await act("board", versionId, { action: "approve", decision: DECISION });
    return versionId;
  }

  /** the secretariat raises an item's budget by `raise` from what it was, at priority 3 until 2017 */
  const changeItem = async (versionId: string, item: { id: string; budget: number }, raise: number) =>
    updatePlanItem(db, {
      ...as("secretariat"),
      versionId,
      version: await currentVersion(versionId),
      itemId: item.id,
      values: { budget: item.budget + raise, priority: 3, periodFrom: 2013, periodTo: 2017, milestones: "" },
    });
  const RETURNED = { ...DECISION, text: "Meir om budsjett." };
  const AMENDMENT_APPROVED = { ...DECISION, decidedOn: "2013-06-20", caseNumber: "40/13" };

  it("creates the 2013 plan, sends it for input, submits it and the board approves it", async () => {
    const plan2013 = await draftWithEveryMeasure();
    await expect(act("board", plan2013, { action: "sendForInput", inputDeadline: "2013-02-01" })).rejects.toBeInstanceOf(
      PlanForbiddenError,
    );
    await expect(act("secretariat", plan2013, { action: "submit" })).rejects.toMatchObject({ reason: "wrongState" });
    await expect(act("secretariat", plan2013, { action: "sendForInput", inputDeadline: "2013-02-30" })).rejects.toMatchObject({
      code: "invalidDeadline",
    });
    await act("secretariat", plan2013, { action: "sendForInput", inputDeadline: "2013-02-01" });
    await act("secretariat", plan2013, { action: "submit" });
    for (const role of ["secretariat", "reporter", "otherSecretariat"] as const) {
      await expect(act(role, plan2013, { action: "approve", decision: DECISION })).rejects.toBeInstanceOf(PlanForbiddenError);
    }
    expect(await act("board", plan2013, { action: "approve", decision: DECISION })).toEqual({
      versionId: plan2013,
      status: "approved",
    });
  });

  it("stores the decision and an immutable snapshot of items, cost shares and decision", async () => {
    const approved2013 = await approvedPlan();
    const view = await loadPlanVersion(db, { cooperationId: coopId, versionId: approved2013 });
    expect(view.version).toMatchObject({ status: "approved", input_deadline: "2013-02-01", version_no: 1 });
    expect(view.decision).toMatchObject({
      outcome: "approved",
      body: "chief_executives",
      decided_on: "2013-02-14",
      case_number: "21/13",
      recorded_by: users.board,
    });
    const snapshot = view.snapshot!;
    expect(snapshot).toMatchObject({ year: YEAR, versionNo: 1, decision: { id: view.decision!.id, caseNumber: "21/13" } });
    expect(snapshot.items.map((i) => i.measure.number)).toEqual(measures.map((m) => m.number));
    for (const item of snapshot.items) {
      expect(item.shares.ok).toBe(true);
      if (item.shares.ok) {
        expect(item.shares.rows.reduce((s, r) => s + r.investmentShare, 0)).toBe(item.measure.investmentCost);
      }
    }
    expect(snapshot.items[0].measure.focusAreas.length).toBeGreaterThan(0);
  });

  it("rolls 2014 from 2013: unfinished measures carried over, finished ones listed", async () => {
    await approvedPlan();
    const created = await createPlanFromPreviousYear(db, { ...as("secretariat"), year: YEAR + 1 });
    const finished = measures.filter((m) => m.status === "completed" || m.status === "discontinued");
    expect(finished.length).toBeGreaterThan(0);
    expect(created.finishedLastYear).toEqual(finished.map((m) => ({ measureId: m.id, status: m.status })));
    expect(created.candidates).toEqual([]);
    const view = await loadPlanVersion(db, { cooperationId: coopId, versionId: created.versionId });
    expect(view.plan.year).toBe(YEAR + 1);
    expect(view.version).toMatchObject({ status: "draft", version_no: 1, based_on_version_id: null });
    const unfinished = measures.filter((m) => !finished.includes(m));
    expect(view.items.map((i) => i.measureNumber)).toEqual(unfinished.map((m) => m.number));
    expect(view.items.every((i) => i.carriedOver && i.milestones === "")).toBe(true);
    expect(view.items.map((i) => i.sortOrder)).toEqual(unfinished.map((_, i) => i));
    expect(view.items[0].budget).toBe(unfinished[0].number * 10_000_00);
  });

  it("refuses a plan for a year that exists, and a roll with no approved plan the year before", async () => {
    await approvedPlan();
    await createPlanFromPreviousYear(db, { ...as("secretariat"), year: YEAR + 1 });
    await expect(createPlanFromPreviousYear(db, { ...as("secretariat"), year: YEAR + 1 })).rejects.toBeInstanceOf(
      PlanExistsError,
    );
    await expect(createEmptyPlan(db, { ...as("secretariat"), year: YEAR })).rejects.toMatchObject({ year: YEAR });
    await expect(createPlanFromPreviousYear(db, { ...as("secretariat"), year: YEAR + 3 })).rejects.toMatchObject({
      code: "noApprovedPreviousPlan",
    });
    await expect(createEmptyPlan(db, { ...as("board"), year: YEAR + 5 })).rejects.toBeInstanceOf(PlanForbiddenError);
    expect(await findPlanByYear(db, { cooperationId: coopId, year: YEAR + 5 })).toBeNull();
  });

  it("cannot change an approved version through any function", async () => {
    const approved2013 = await approvedPlan();
    const rowBefore = await rawVersion(approved2013);
    const itemsBefore = await rawItems(approved2013);
    const version = rowBefore.version;
    const item = itemsBefore[0];
    const values = { budget: 1, priority: 1, periodFrom: 2013, periodTo: 2013, milestones: "changed" };
    const secretariat = { ...as("secretariat"), versionId: approved2013, version };
    await expect(addPlanItem(db, { ...secretariat, measureId: measures[0].id })).rejects.toBeInstanceOf(PlanVersionFrozenError);
    await expect(updatePlanItem(db, { ...secretariat, itemId: item.id, values })).rejects.toBeInstanceOf(PlanVersionFrozenError);
    await expect(removePlanItem(db, { ...secretariat, itemId: item.id })).rejects.toBeInstanceOf(PlanVersionFrozenError);
    const requests: [keyof typeof users, TransitionRequest][] = [
      ["secretariat", { action: "sendForInput", inputDeadline: "2013-03-01" }],
      ["secretariat", { action: "submit" }],
      ["secretariat", { action: "reopen" }],
      ["board", { action: "approve", decision: DECISION }],
      ["board", { action: "return", decision: DECISION }],
    ];
    for (const [role, request] of requests) {
      await expect(transitionPlanVersion(db, { ...as(role), versionId: approved2013, version, request })).rejects.toMatchObject({
        reason: "wrongState",
      });
    }
    // another cooperation's secretariat cannot even see it
    await expect(
      updatePlanItem(db, {
        cooperationId: otherCoopId,
        userId: users.otherSecretariat,
        versionId: approved2013,
        version,
        itemId: item.id,
        values,
      }),
    ).rejects.toBeInstanceOf(PlanNotFoundError);
    expect(await rawVersion(approved2013)).toEqual(rowBefore);
    expect(await rawItems(approved2013)).toEqual(itemsBefore);
  });

  it("cannot change an approved version by direct SQL either: the database refuses", async () => {
    const approved2013 = await approvedPlan();
    const rowBefore = await rawVersion(approved2013);
    const itemsBefore = await rawItems(approved2013);
    const item = itemsBefore[0]!;
    await expect(db.updateTable("plan_version").set({ snapshot: "{}" }).where("id", "=", approved2013).execute()).rejects.toThrow(
      /frozen/,
    );
    await expect(
      db.updateTable("plan_version").set({ status: "draft" }).where("id", "=", approved2013).execute(),
    ).rejects.toThrow(/frozen/);
    await expect(db.deleteFrom("plan_version").where("id", "=", approved2013).execute()).rejects.toThrow(/frozen/);
    await expect(db.updateTable("plan_item").set({ budget: 1 }).where("id", "=", item.id).execute()).rejects.toThrow(/frozen/);
    await expect(db.deleteFrom("plan_item").where("id", "=", item.id).execute()).rejects.toThrow(/frozen/);
    // a measure the approved plan does not have, so only the freeze (not uniqueness) can refuse it
    const measure = await db.selectFrom("measure").selectAll().where("id", "=", item.measure_id).executeTakeFirstOrThrow();
    await db
      .insertInto("measure")
      .values({ ...measure, id: "smuggled-measure", number: 9_999 })
      .execute();
    await expect(
      db
        .insertInto("plan_item")
        .values({ ...item, id: "smuggled", measure_id: "smuggled-measure" })
        .execute(),
    ).rejects.toThrow(/frozen/);
    await db.deleteFrom("measure").where("id", "=", "smuggled-measure").execute();
    expect(await rawVersion(approved2013)).toEqual(rowBefore);
    expect(await rawItems(approved2013)).toEqual(itemsBefore);
  });

  it("amends: a new draft version, the approved one superseded only when the amendment is approved", async () => {
    const approved2013 = await approvedPlan();
    const snapshotBefore = (await rawVersion(approved2013)).snapshot;
    const amended = await act("secretariat", approved2013, { action: "amend" });
    expect(amended.versionId).not.toBe(approved2013);
    await expect(act("secretariat", approved2013, { action: "amend" })).rejects.toMatchObject({ code: "openVersionExists" });
    const draft = await loadPlanVersion(db, { cooperationId: coopId, versionId: amended.versionId });
    expect(draft.version).toMatchObject({ status: "draft", version_no: 2, based_on_version_id: approved2013 });
    expect(draft.items.map((i) => i.measureId)).toEqual(
      (await loadPlanVersion(db, { cooperationId: coopId, versionId: approved2013 })).items.map((i) => i.measureId),
    );

    const first = draft.items[0];
    const stale = await currentVersion(amended.versionId);
    await changeItem(amended.versionId, first, 2_500_00);
    await expect(
      removePlanItem(db, { ...as("secretariat"), versionId: amended.versionId, version: stale, itemId: first.id }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    await removePlanItem(db, {
      ...as("secretariat"),
      versionId: amended.versionId,
      version: await currentVersion(amended.versionId),
      itemId: draft.items[1].id,
    });

    await sendAndSubmit(amended.versionId, "2013-06-01");
    await act("board", amended.versionId, { action: "return", decision: RETURNED });
    expect((await rawVersion(approved2013)).status).toBe("approved");
    await expect(changeItem(amended.versionId, first, 2_000_00)).resolves.toBeUndefined();
    await act("secretariat", amended.versionId, { action: "submit" });
    await act("board", amended.versionId, { action: "approve", decision: AMENDMENT_APPROVED });

    const old = await rawVersion(approved2013);
    expect(old.status).toBe("superseded");
    expect(old.snapshot).toBe(snapshotBefore);
    const plan = (await findPlanByYear(db, { cooperationId: coopId, year: YEAR }))!;
    expect(plan.versions.map((v) => [v.version_no, v.status])).toEqual([
      [1, "superseded"],
      [2, "approved"],
    ]);
    const newView = await loadPlanVersion(db, { cooperationId: coopId, versionId: amended.versionId });
    expect(newView.decision).toMatchObject({ case_number: "40/13", outcome: "approved" });
    expect(newView.snapshot!.items).toHaveLength(measures.length - 1);
    await expect(act("secretariat", approved2013, { action: "amend" })).rejects.toMatchObject({ reason: "wrongState" });

    const diff = diffPlans((await loadPlanVersion(db, { cooperationId: coopId, versionId: approved2013 })).items, newView.items);
    expect(diff.counts).toMatchObject({ removed: 1, changed: 1, added: 0 });
    expect(diff.entries[0]).toMatchObject({
      kind: "changed",
      changes: {
        budget: { difference: 2_000_00 },
        priority: { before: 1, after: 3 },
        period: { after: { from: 2013, to: 2017 } },
      },
    });
  });

  it("refuses approval when a system-introducing measure lacks a benefits realisation plan", async () => {
    const plan = await createEmptyPlan(db, { ...as("secretariat"), year: 2030 });
    const bare = measures.find((m) => m.status !== "completed")!;
    await db.updateTable("measure").set({ introduces_system: 1 }).where("id", "=", bare.id).execute();
    await db.deleteFrom("measure_benefit").where("measure_id", "=", bare.id).execute();
    await addPlanItem(db, { ...as("secretariat"), versionId: plan.versionId, version: 1, measureId: bare.id });
    await expect(
      addPlanItem(db, { ...as("secretariat"), versionId: plan.versionId, version: 2, measureId: bare.id }),
    ).rejects.toMatchObject({ code: "measureAlreadyInPlan" });
    await act("secretariat", plan.versionId, { action: "sendForInput", inputDeadline: daysFromToday(10) });
    await act("secretariat", plan.versionId, { action: "closeInput" });
    await act("secretariat", plan.versionId, { action: "submit" });
    await expect(act("board", plan.versionId, { action: "approve", decision: DECISION })).rejects.toEqual(
      new PlanRuleError("benefitsPlanMissing", [bare.id]),
    );
    expect((await rawVersion(plan.versionId)).status).toBe("submitted");
    await db.updateTable("measure").set({ introduces_system: 0 }).where("id", "=", bare.id).execute();
  });

  it("audits every change with the acting user", async () => {
    // approved, then amended: changed twice, one item removed, returned once, approved
    const approved = await approvedPlan();
    const { versionId: amended } = await act("secretariat", approved, { action: "amend" });
    const [first, second] = (await loadPlanVersion(db, { cooperationId: coopId, versionId: amended })).items;
    await changeItem(amended, first, 2_500_00);
    await removePlanItem(db, {
      ...as("secretariat"),
      versionId: amended,
      version: await currentVersion(amended),
      itemId: second.id,
    });
    await sendAndSubmit(amended, "2013-06-01");
    await act("board", amended, { action: "return", decision: RETURNED });
    await changeItem(amended, first, 2_000_00);
    await act("secretariat", amended, { action: "submit" });
    await act("board", amended, { action: "approve", decision: AMENDMENT_APPROVED });

    const events = (await db.selectFrom("audit_event").selectAll().where("cooperation_id", "=", coopId).execute()).filter(
      (e) => !seededEvents.has(e.id),
    );
    const plan13 = (await findPlanByYear(db, { cooperationId: coopId, year: YEAR }))!;
    const [v1, v2] = plan13.versions.map((v) => v.id);
    const actions = (id: string) => events.filter((e) => e.entity_id === id).map((e) => `${e.action}:${e.actor_id}`);
    const s = users.secretariat;
    const b = users.board;
    expect(actions(v1)).toEqual([
      `plan_version.created:${s}`,
      `plan_version.sendForInput:${s}`,
      `plan_version.submit:${s}`,
      `plan_version.approve:${b}`,
      `plan_version.superseded:${b}`,
    ]);
    expect(actions(v2)).toEqual([
      `plan_version.amend:${s}`,
      `plan_version.sendForInput:${s}`,
      `plan_version.submit:${s}`,
      `plan_version.return:${b}`,
      `plan_version.submit:${s}`,
      `plan_version.approve:${b}`,
    ]);
    expect(actions(plan13.id)).toEqual([`action_plan.created:${s}`]);
    const itemEvents = events.filter((e) => e.entity_type === "plan_item").map((e) => e.action);
    expect(itemEvents.filter((a) => a === "plan_item.created")).toHaveLength(measures.length);
    expect(itemEvents.filter((a) => a === "plan_item.updated")).toHaveLength(2);
    expect(itemEvents.filter((a) => a === "plan_item.deleted")).toHaveLength(1);
    const decisions = (await db.selectFrom("decision").select(["id", "outcome"]).where("recorded_by", "=", b).execute()).filter(
      (d) => !seededDecisions.has(d.id),
    );
    expect(decisions.map((d) => d.outcome).sort()).toEqual(["approved", "approved", "returned"]);
    for (const d of decisions) expect(actions(d.id)).toEqual([`decision.created:${b}`]);
  });

  it("holds a plan out for input back from the board until its round is over: the deadline passed, or closed early", async () => {
    const open = (await createEmptyPlan(db, { ...as("secretariat"), year: 2031 })).versionId;
    await act("secretariat", open, { action: "sendForInput", inputDeadline: osloToday() });
    await expect(act("secretariat", open, { action: "submit" })).rejects.toEqual(
      new PlanTransitionError("submit", "input", "inputOpen"),
    );
    expect(await rawVersion(open)).toMatchObject({ status: "input", input_closed_at: null });
    await expect(act("board", open, { action: "closeInput" })).rejects.toBeInstanceOf(PlanForbiddenError);
    await act("secretariat", open, { action: "closeInput" });
    expect((await rawVersion(open)).input_closed_at).not.toBeNull();
    await expect(act("secretariat", open, { action: "closeInput" })).rejects.toEqual(
      new PlanTransitionError("closeInput", "input", "inputOver"),
    );
    await act("secretariat", open, { action: "submit" });
    await act("board", open, { action: "return", decision: { ...DECISION, text: "Budsjettet må justerast." } });
    // reopened and sent again: a new round, open until its own deadline
    await act("secretariat", open, { action: "reopen" });
    await act("secretariat", open, { action: "sendForInput", inputDeadline: daysFromToday(14) });
    expect(await rawVersion(open)).toMatchObject({ status: "input", input_closed_at: null, input_deadline: daysFromToday(14) });
    await expect(act("secretariat", open, { action: "submit" })).rejects.toMatchObject({ reason: "inputOpen" });
    const actions = (
      await db.selectFrom("audit_event").select("action").where("entity_id", "=", open).orderBy("created_at").execute()
    ).map((e) => e.action);
    expect(actions).toContain("plan_version.closeInput");

    // a past year's plan entered after the fact: its deadline has passed, so the round is over at once
    const past = (await createEmptyPlan(db, { ...as("secretariat"), year: 2032 })).versionId;
    await act("secretariat", past, { action: "sendForInput", inputDeadline: daysFromToday(-30) });
    await expect(act("secretariat", past, { action: "closeInput" })).rejects.toMatchObject({ reason: "inputOver" });
    await act("secretariat", past, { action: "submit" });
    await act("board", past, { action: "approve", decision: { ...DECISION, decidedOn: daysFromToday(-20) } });
    expect((await rawVersion(past)).status).toBe("approved");
  });
});
