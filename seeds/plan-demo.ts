import type { DB } from "../db/connect";
import { addPlanComment, setCommentHandled } from "../app/plan/comments.server";
import { addPlanItem, removePlanItem, updatePlanItem } from "../app/plan/plan-items.server";
import {
  createEmptyPlan,
  createPlanFromPreviousYear,
  findPlanByYear,
  loadPlanVersion,
  transitionPlanVersion,
  type TransitionRequest,
} from "../app/plan/plan.server";
import { addDays, osloToday } from "@shared-schema/dates";
import { storedCooperationId, type CooperationId } from "../app/cooperation/scope.server";
import { EKOMMUNE } from "./demo-content";
import { LATER_PLANS, type ItemChange, type LaterPlanYear } from "./later-content";

/*
 * Demo action plans for eKommune Sunnmøre: the 2013 plan (the first, built by hand), and every
 * year's plan after it rolled from the year before and approved by the rådmannsutval, up to this
 * year's; next year's plan is out for input until three weeks from the day the demo is made (so
 * the round is open and its e-mail to the reporters in the outbox), with comments from Giske,
 * Sula and the board, one handled.
 * Everything goes through the plan's domain functions as the demo users, so the audit trail is
 * the one real use would leave. Amounts in øre.
 */

const KR = 100;

/** Norway's date `days` from today, yyyy-mm-dd. */
function daysFromToday(days: number): string {
  return addDays(osloToday(), days);
}

/** Measure number → the 2013 plan item: budget (kr), priority, period, milestones. */
const PLAN_2013: Record<number, { budget: number; priority: number; from: number; to: number; milestones: string }> = {
  1: { budget: 1_850_000, priority: 1, from: 2013, to: 2015, milestones: "Fiberring mellom rådhusa ferdig hausten 2013." },
  2: { budget: 240_000, priority: 2, from: 2013, to: 2014, milestones: "Utkast til sikkerheitsplan til rådmannsutvalet i juni." },
  3: { budget: 420_000, priority: 2, from: 2013, to: 2014, milestones: "Feide i alle grunnskular før skulestart." },
  4: { budget: 150_000, priority: 1, from: 2013, to: 2013, milestones: "Samarbeidsavtale og sekretariat på plass." },
  5: { budget: 310_000, priority: 2, from: 2013, to: 2014, milestones: "Felles overvakingsverktøy i drift." },
  6: { budget: 2_600_000, priority: 1, from: 2013, to: 2016, milestones: "Forprosjekt for felles datarom." },
  7: { budget: 680_000, priority: 1, from: 2013, to: 2013, milestones: "Felles katalog for alle tilsette." },
  8: { budget: 520_000, priority: 3, from: 2014, to: 2016, milestones: "Kartlegging av portalbehov." },
  9: { budget: 90_000, priority: 3, from: 2013, to: 2016, milestones: "Retningsliner for opne standardar." },
};

/** The 2014 plan's changes to what was rolled from 2013: budget (kr), priority, milestones. */
const CHANGES_2014: Record<number, ItemChange> = {
  1: { budget: 1_200_000, priority: 1, milestones: "Fiber til dei siste tenestestadene." },
  6: { budget: 3_400_000, priority: 1, milestones: "Felles datarom i drift, vaktordning frå 1. september." },
  8: { budget: 380_000, priority: 2, milestones: "Anskaffing av felles portalløysing." },
};

/** The 2015 plan's changes to what was rolled from 2014. */
const CHANGES_2015: Record<number, ItemChange> = {
  3: { budget: 180_000, priority: 3, milestones: "Feide for vaksenopplæringa." },
  6: { budget: 2_100_000, priority: 1, milestones: "Døgnkontinuerleg drift for alle kommunane." },
  8: { budget: 950_000, priority: 1, milestones: "Ny portal lansert for innbyggjarane." },
};

async function userId(db: DB, email: string): Promise<string> {
  return (await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function currentVersion(db: DB, versionId: string): Promise<number> {
  return (await db.selectFrom("plan_version").select("version").where("id", "=", versionId).executeTakeFirstOrThrow()).version;
}

/** The year of the plan that is out for input in the demo. */
export const PLAN_OUT_FOR_INPUT = 2027;

/** The 2027 draft's changes to what was rolled from 2026. */
const CHANGES_2027: Record<number, ItemChange> = {
  11: { budget: 1_100_000, priority: 1, from: 2020, to: 2028, milestones: "Responssenteret tek òg tryggleiksalarmane." },
  12: { budget: 780_000, priority: 1, from: 2019, to: 2028, milestones: "Risikovurdering av KI-verktøy i kommunane." },
};

type Actor = { cooperationId: CooperationId; userId: string };

async function demoActors(db: DB) {
  const coop = await db.selectFrom("cooperation").select("id").where("slug", "=", EKOMMUNE.slug).executeTakeFirstOrThrow();
  const cooperationId = storedCooperationId(coop.id);
  const as = async (email: string): Promise<Actor> => ({ cooperationId, userId: await userId(db, email) });
  const measures = await db
    .selectFrom("measure")
    .select(["id", "number"])
    .where("cooperation_id", "=", coop.id)
    .orderBy("number")
    .execute();
  return {
    cooperationId,
    secretariat: await as("sekretariat@ekommune-sunnmore.example"),
    board: await as("styre@ekommune-sunnmore.example"),
    giske: await as("ikt@giske.example"),
    sula: await as("ikt@sula.example"),
    measureId: (number: number) => measures.find((m) => m.number === number)!.id,
    act: async (who: Actor, versionId: string, request: TransitionRequest) =>
      transitionPlanVersion(db, { ...who, versionId, version: await currentVersion(db, versionId), request }),
  };
}

/** The secretariat's changes to a rolled draft: items taken out, changed, or added when not rolled. */
async function changeItems(
  db: DB,
  { secretariat, measureId }: Pick<Awaited<ReturnType<typeof demoActors>>, "secretariat" | "measureId">,
  versionId: string,
  changes: Pick<LaterPlanYear, "remove" | "items">,
) {
  const view = await loadPlanVersion(db, { cooperationId: secretariat.cooperationId, versionId });
  const scope = async () => ({ ...secretariat, versionId, version: await currentVersion(db, versionId) });
  for (const item of view.items.filter((i) => changes.remove?.includes(i.measureNumber))) {
    await removePlanItem(db, { ...(await scope()), itemId: item.id });
  }
  for (const [number, v] of Object.entries(changes.items ?? {})) {
    const item = view.items.find((i) => i.measureNumber === Number(number));
    const values = {
      budget: v.budget * KR,
      priority: v.priority,
      periodFrom: v.from ?? item?.periodFrom ?? null,
      periodTo: v.to ?? item?.periodTo ?? null,
      milestones: v.milestones,
    };
    if (item) await updatePlanItem(db, { ...(await scope()), itemId: item.id, values });
    else await addPlanItem(db, { ...(await scope()), measureId: measureId(Number(number)), values });
  }
  return loadPlanVersion(db, { cooperationId: secretariat.cooperationId, versionId });
}

/**
 * A later year's plan, as the year before it went: rolled from the approved plan, changed by the
 * secretariat, out for input until five weeks before the rådmannsutval's meeting, and approved there.
 */
export async function seedApprovedPlan(db: DB, year: number): Promise<void> {
  const spec = LATER_PLANS[year];
  if (!spec) throw new Error(`demo plans: nothing written for ${year}`);
  const actors = await demoActors(db);
  const { secretariat, board, act } = actors;
  const versionId = (await createPlanFromPreviousYear(db, { ...secretariat, year })).versionId;
  await changeItems(db, actors, versionId, spec);
  await act(secretariat, versionId, { action: "sendForInput", inputDeadline: addDays(spec.decidedOn, -35) });
  await act(secretariat, versionId, { action: "submit" });
  await act(board, versionId, {
    action: "approve",
    decision: {
      body: "chief_executives",
      decidedOn: spec.decidedOn,
      caseNumber: spec.caseNumber,
      text: `Rådmannsutvalet godkjenner handlingsplanen for eKommune Sunnmøre for ${year}.`,
    },
  });
}

/**
 * A plan approved before a change of the map shares its year's costs among the members of the
 * day it was approved; once the change is carried through, the secretariat amends it and the
 * rådmannsutval approves it again, so the new version shares them among the successors.
 */
export async function seedAmendedPlan(
  db: DB,
  { year, decidedOn, caseNumber, text }: { year: number; decidedOn: string; caseNumber: string; text: string },
): Promise<void> {
  const { cooperationId, secretariat, board, act } = await demoActors(db);
  const approved = (await findPlanByYear(db, { cooperationId, year }))!.versions.find((v) => v.status === "approved")!;
  const { versionId } = await act(secretariat, approved.id, { action: "amend" });
  await act(secretariat, versionId, { action: "sendForInput", inputDeadline: addDays(decidedOn, -7) });
  await act(secretariat, versionId, { action: "submit" });
  await act(board, versionId, { action: "approve", decision: { body: "chief_executives", decidedOn, caseNumber, text } });
}

/** Next year's plan: rolled from this year's and out for input, with the first comments in. */
export async function seedPlanOutForInput(db: DB): Promise<void> {
  const actors = await demoActors(db);
  const { secretariat, board, giske, sula, act } = actors;
  const versionId = (await createPlanFromPreviousYear(db, { ...secretariat, year: PLAN_OUT_FOR_INPUT })).versionId;
  const view = await changeItems(db, actors, versionId, { items: CHANGES_2027 });
  await act(secretariat, versionId, { action: "sendForInput", inputDeadline: daysFromToday(21) });
  const item = (number: number) => view.items.find((i) => i.measureNumber === number)?.id ?? null;
  const handled = await addPlanComment(db, {
    ...giske,
    versionId,
    body: "Giske kommune støttar planen. Vi ber om at opplæring av tilsette får eigen post i budsjettet, slik at innføringa ikkje stoppar opp i kommunane.",
  });
  await addPlanComment(db, {
    ...giske,
    versionId,
    itemId: item(11),
    body: "Responssenteret må ha vakt heile døgnet òg i helgane. Vi har i dag ingen vakt på tryggleiksalarmane etter klokka 23.",
  });
  await addPlanComment(db, {
    ...sula,
    versionId,
    itemId: item(13),
    body: "Sula meiner skulesystemet bør førast vidare etter 2026, og at foreldra må kunne logge inn med ID-porten.",
  });
  await addPlanComment(db, {
    ...board,
    versionId,
    body: "Styret ønskjer ei samla oversikt over kor mykje kvar kommune betaler før planen vert lagd fram for rådmannsutvalet.",
  });
  await setCommentHandled(db, { ...secretariat, commentId: handled, handled: true });
}

/** The 2013 plan built by hand, and 2014 and 2015 rolled from it, all approved. */
export async function seedPlanDemo(db: DB): Promise<void> {
  const actors = await demoActors(db);
  const { secretariat, board, act, measureId } = actors;
  const approve = (versionId: string, decidedOn: string, caseNumber: string, text: string) =>
    act(board, versionId, { action: "approve", decision: { body: "chief_executives", decidedOn, caseNumber, text } });

  // 2013: the first plan, built from the catalogue of the strategy period
  const plan2013 = (await createEmptyPlan(db, { ...secretariat, year: 2013 })).versionId;
  for (const [number, p] of Object.entries(PLAN_2013)) {
    await addPlanItem(db, {
      ...secretariat,
      versionId: plan2013,
      version: await currentVersion(db, plan2013),
      measureId: measureId(Number(number)),
      values: { budget: p.budget * KR, priority: p.priority, periodFrom: p.from, periodTo: p.to, milestones: p.milestones },
    });
  }
  await act(secretariat, plan2013, { action: "sendForInput", inputDeadline: "2012-11-09" });
  await act(secretariat, plan2013, { action: "submit" });
  await approve(
    plan2013,
    "2012-12-06",
    "21/12",
    "Rådmannsutvalet godkjenner handlingsplanen for eKommune Sunnmøre for 2013 slik han ligg føre.",
  );

  // 2014: rolled from 2013, with new budgets and priorities
  const plan2014 = (await createPlanFromPreviousYear(db, { ...secretariat, year: 2014 })).versionId;
  await changeItems(db, actors, plan2014, { items: CHANGES_2014 });
  await act(secretariat, plan2014, { action: "sendForInput", inputDeadline: "2013-11-08" });
  await act(secretariat, plan2014, { action: "submit" });
  await approve(
    plan2014,
    "2013-12-05",
    "14/13",
    "Rådmannsutvalet godkjenner handlingsplanen for 2014 med dei endringane i budsjett og prioritering som sekretariatet har lagt fram.",
  );

  // 2015: rolled from 2014, the last plan of the strategy period with every measure still in it
  const plan2015 = (await createPlanFromPreviousYear(db, { ...secretariat, year: 2015 })).versionId;
  await changeItems(db, actors, plan2015, { items: CHANGES_2015 });
  await act(secretariat, plan2015, { action: "sendForInput", inputDeadline: "2014-11-07" });
  await act(secretariat, plan2015, { action: "submit" });
  await approve(plan2015, "2014-12-04", "16/14", "Rådmannsutvalet godkjenner handlingsplanen for eKommune Sunnmøre for 2015.");
}
