import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { addPlanComment, listPlanComments, PlanCommentError, setCommentHandled } from "../../app/plan/comments.server";
import { PlanForbiddenError, PlanNotFoundError } from "../../app/plan/errors.server";
import { findPlanByYear, loadPlanVersion, transitionPlanVersion } from "../../app/plan/plan.server";
import { freshDemoEach, testDatabases } from "../support/databases";
import { cooperationIdOf, userIdByEmail } from "../support/queries";
import { PLAN_OUT_FOR_INPUT } from "../../seeds/plan-demo";
import type { CooperationId } from "../../app/cooperation/scope.server";

/*
 * The input round on the demo data: next year's plan of eKommune Sunnmøre is out for input
 * (seeds/plan-demo.ts); every plan before it is approved. Every test has its own copy.
 */
describe.each(testDatabases())("plan comments on $name", (database) => {
  const demo = freshDemoEach(database);
  let db: DB;
  let coopId: CooperationId;
  let otherCoopId: CooperationId;
  let users: Record<"secretariat" | "board" | "giske" | "sula" | "viewer" | "otherSecretariat", string>;
  let municipalities: Record<"giske" | "sula", string>;
  let vInput: string;
  let v2014: string;

  beforeEach(async () => {
    db = demo.db;
    coopId = await cooperationIdOf(db, "ekommune-sunnmore");
    otherCoopId = await cooperationIdOf(db, "knutepunkt-sorlandet");
    const user = (email: string) => userIdByEmail(db, email);
    users = {
      secretariat: await user("sekretariat@ekommune-sunnmore.example"),
      board: await user("styre@ekommune-sunnmore.example"),
      giske: await user("ikt@giske.example"),
      sula: await user("ikt@sula.example"),
      viewer: await user("lesar@ekommune-sunnmore.example"),
      otherSecretariat: await user("sekretariat@knutepunkt-sorlandet.example"),
    };
    const municipality = async (number: string) =>
      (await db.selectFrom("municipality").select("id").where("number", "=", number).executeTakeFirstOrThrow()).id;
    municipalities = { giske: await municipality("1532"), sula: await municipality("1531") };
    vInput = (await findPlanByYear(db, { cooperationId: coopId, year: PLAN_OUT_FOR_INPUT }))!.versions[0].id;
    v2014 = (await findPlanByYear(db, { cooperationId: coopId, year: 2014 }))!.versions[0].id;
  });

  const as = (who: keyof typeof users) => ({ cooperationId: coopId, userId: users[who] });
  const comment = (id: string) => db.selectFrom("comment").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  /** the secretariat moves the version out for input on, from whatever state it is in */
  const actOnInput = async (action: "closeInput" | "submit") => {
    const version = (await findPlanByYear(db, { cooperationId: coopId, year: PLAN_OUT_FOR_INPUT }))!.versions[0].version;
    await transitionPlanVersion(db, { ...as("secretariat"), versionId: vInput, version, request: { action } });
  };
  const auditOf = (id: string) =>
    db.selectFrom("audit_event").selectAll().where("entity_id", "=", id).orderBy("created_at").execute();

  it("the demo has approved plans up to this year and next year's out for input with comments, one handled", async () => {
    const statuses = await Promise.all(
      [2013, 2014, PLAN_OUT_FOR_INPUT - 1, PLAN_OUT_FOR_INPUT].map(async (year) =>
        (await findPlanByYear(db, { cooperationId: coopId, year }))!.versions.map((v) => v.status),
      ),
    );
    expect(statuses).toEqual([["approved"], ["approved"], ["approved"], ["input"]]);
    const groups = await listPlanComments(db, { cooperationId: coopId, versionId: vInput });
    const total = groups.reduce((s, g) => s + g.total, 0);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(groups.reduce((s, g) => s + g.total - g.open, 0)).toBe(1);
    expect(groups.find((g) => g.municipalityId === municipalities.giske)!.total).toBeGreaterThan(0);
    expect(groups.find((g) => g.municipalityId === municipalities.sula)!.total).toBeGreaterThan(0);
    expect(groups.at(-1)).toMatchObject({ municipalityId: null, municipalityName: null });
  });

  it("a reporter's comment carries the reporter's own municipality, on the plan and on an item; audited", async () => {
    const view = await loadPlanVersion(db, { cooperationId: coopId, versionId: vInput });
    const onPlan = await addPlanComment(db, { ...as("giske"), versionId: vInput, body: "  Eit innspel frå Giske.  " });
    const onItem = await addPlanComment(db, { ...as("sula"), versionId: vInput, itemId: view.items[0].id, body: "Om tiltaket." });
    expect(await comment(onPlan)).toMatchObject({
      target_type: "plan_version",
      target_id: vInput,
      author_id: users.giske,
      municipality_id: municipalities.giske,
      body: "Eit innspel frå Giske.",
      handled_at: null,
    });
    expect(await comment(onItem)).toMatchObject({
      target_type: "plan_item",
      target_id: view.items[0].id,
      municipality_id: municipalities.sula,
    });
    const events = await auditOf(onPlan);
    expect(events.map((e) => [e.action, e.actor_id, e.cooperation_id])).toEqual([["comment.created", users.giske, coopId]]);
    expect(JSON.parse(events[0].after!)).toMatchObject({ body: "Eit innspel frå Giske.", municipality_id: municipalities.giske });
    const groups = await listPlanComments(db, { cooperationId: coopId, versionId: vInput });
    const giske = groups.find((g) => g.municipalityId === municipalities.giske)!;
    expect(giske.comments.map((c) => c.id)).toContain(onPlan);
    const sula = groups.find((g) => g.municipalityId === municipalities.sula)!;
    expect(sula.comments.find((c) => c.id === onItem)!.item).toMatchObject({ measureNumber: view.items[0].measureNumber });
  });

  it("board members and the secretariat comment without a municipality; viewers cannot comment", async () => {
    const byBoard = await addPlanComment(db, { ...as("board"), versionId: vInput, body: "Frå styret." });
    const bySecretariat = await addPlanComment(db, { ...as("secretariat"), versionId: vInput, body: "Frå sekretariatet." });
    expect((await comment(byBoard)).municipality_id).toBeNull();
    expect((await comment(bySecretariat)).municipality_id).toBeNull();
    await expect(addPlanComment(db, { ...as("viewer"), versionId: vInput, body: "Nei." })).rejects.toBeInstanceOf(
      PlanForbiddenError,
    );
  });

  it("takes comments only while the version is out for input", async () => {
    const count = async () => (await db.selectFrom("comment").select("id").execute()).length;
    const before = await count();
    await expect(addPlanComment(db, { ...as("giske"), versionId: v2014, body: "For seint." })).rejects.toEqual(
      new PlanCommentError("notInInput", "approved"),
    );
    await expect(addPlanComment(db, { ...as("board"), versionId: v2014, body: "For seint." })).rejects.toMatchObject({
      code: "notInInput",
    });
    // an item of another version is not an item of this one
    const item2014 = (await loadPlanVersion(db, { cooperationId: coopId, versionId: v2014 })).items[0];
    await expect(
      addPlanComment(db, { ...as("giske"), versionId: vInput, itemId: item2014.id, body: "Feil plan." }),
    ).rejects.toMatchObject({ code: "itemNotInVersion" });
    await expect(addPlanComment(db, { ...as("giske"), versionId: vInput, body: "   " })).rejects.toMatchObject({
      code: "emptyBody",
    });
    expect(await count()).toBe(before);
  });

  it("a reporter cannot comment for another municipality or on another cooperation's plan", async () => {
    // the municipality is not an input at all: whatever the caller passes, the grant decides
    const id = await addPlanComment(db, {
      ...as("giske"),
      versionId: vInput,
      body: "Forsøk på å skrive for Sula.",
      ...({ municipalityId: municipalities.sula } as object),
    });
    expect((await comment(id)).municipality_id).toBe(municipalities.giske);
    // Giske's reporter acting in another cooperation: not a member there
    await expect(
      addPlanComment(db, { cooperationId: otherCoopId, userId: users.giske, versionId: vInput, body: "Utanfrå." }),
    ).rejects.toBeInstanceOf(PlanForbiddenError);
    // another cooperation's secretariat, in its own cooperation, cannot reach this plan
    await expect(
      addPlanComment(db, { cooperationId: otherCoopId, userId: users.otherSecretariat, versionId: vInput, body: "Utanfrå." }),
    ).rejects.toBeInstanceOf(PlanNotFoundError);
  });

  it("only the secretariat marks comments handled and not handled; audited with before and after", async () => {
    const id = await addPlanComment(db, { ...as("giske"), versionId: vInput, body: "Handsam meg." });
    for (const who of ["giske", "board", "viewer"] as const) {
      await expect(setCommentHandled(db, { ...as(who), commentId: id, handled: true })).rejects.toBeInstanceOf(
        PlanForbiddenError,
      );
    }
    await expect(
      setCommentHandled(db, { cooperationId: otherCoopId, userId: users.otherSecretariat, commentId: id, handled: true }),
    ).rejects.toBeInstanceOf(PlanNotFoundError);
    expect((await comment(id)).handled_at).toBeNull();

    await setCommentHandled(db, { ...as("secretariat"), commentId: id, handled: true });
    expect(await comment(id)).toMatchObject({ handled_by: users.secretariat });
    expect((await comment(id)).handled_at).not.toBeNull();
    // marking it as it already is changes nothing
    await setCommentHandled(db, { ...as("secretariat"), commentId: id, handled: true });
    await setCommentHandled(db, { ...as("secretariat"), commentId: id, handled: false });
    expect(await comment(id)).toMatchObject({ handled_at: null, handled_by: null });

    const events = await auditOf(id);
    expect(events.map((e) => `${e.action}:${e.actor_id}`)).toEqual([
      `comment.created:${users.giske}`,
      `comment.handled:${users.secretariat}`,
      `comment.unhandled:${users.secretariat}`,
    ]);
    expect(JSON.parse(events[1].before!).handled_at).toBeNull();
    expect(JSON.parse(events[1].after!).handled_by).toBe(users.secretariat);
  });

  it("takes no comments once the round is over: closed by the secretariat, or its deadline passed", async () => {
    const open = await addPlanComment(db, { ...as("sula"), versionId: vInput, body: "Siste innspel." });
    await actOnInput("closeInput");
    for (const who of ["sula", "board", "secretariat"] as const) {
      await expect(addPlanComment(db, { ...as(who), versionId: vInput, body: "For seint." })).rejects.toMatchObject({
        code: "inputClosed",
      });
    }
    await setCommentHandled(db, { ...as("secretariat"), commentId: open, handled: true });
    expect((await comment(open)).handled_at).not.toBeNull();

    // a deadline that has passed closes the round without anyone closing it
    await db
      .updateTable("plan_version")
      .set({ input_closed_at: null, input_deadline: "2014-11-14" })
      .where("id", "=", vInput)
      .execute();
    await expect(addPlanComment(db, { ...as("giske"), versionId: vInput, body: "For seint." })).rejects.toMatchObject({
      code: "inputClosed",
    });
    const late = await db.selectFrom("comment").select("id").where("body", "=", "For seint.").execute();
    expect(late).toEqual([]);
  });

  it("closes the round when the plan is submitted: no more comments, but they can still be handled", async () => {
    // a comment handled while the round was open, which was then closed early so the plan could go
    const handledEarlier = await addPlanComment(db, { ...as("sula"), versionId: vInput, body: "Siste innspel." });
    await setCommentHandled(db, { ...as("secretariat"), commentId: handledEarlier, handled: true });
    await actOnInput("closeInput");
    await actOnInput("submit");
    await expect(addPlanComment(db, { ...as("sula"), versionId: vInput, body: "For seint." })).rejects.toMatchObject({
      code: "notInInput",
      status: "submitted",
    });
    await setCommentHandled(db, { ...as("secretariat"), commentId: handledEarlier, handled: false });
    expect((await comment(handledEarlier)).handled_at).toBeNull();
  });
});
