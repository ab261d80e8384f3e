import type { DB } from "../db/connect";
import { addPlanComment, setCommentHandled } from "../app/plan/comments.server";
import { addPlanItem, updatePlanItem } from "../app/plan/plan-items.server";
import {
  createEmptyPlan,
  createPlanFromPreviousYear,
  loadPlanVersion,
  transitionPlanVersion,
  type TransitionRequest,
} from "../app/plan/plan.server";
import { addDays, osloToday } from "@shared-schema/dates";
import { storedCooperationId } from "../app/cooperation/scope.server";
import { EKOMMUNE } from "./demo-content";

/*
 * Demo action plans for eKommune Sunnmøre: the 2013 plan (the first, built by hand)
 * and the 2014 plan rolled from it, both approved by the rådmannsutval; the 2015 plan rolled
 * from 2014 and out for input until three weeks from the day the demo is made (so the round is
 * open and its e-mail to the reporters in the outbox), with comments from Giske, Sula and the
 * board, one handled.
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
const CHANGES_2014: Record<number, { budget: number; priority: number; milestones: string }> = {
  1: { budget: 1_200_000, priority: 1, milestones: "Fiber til dei siste tenestestadene." },
  6: { budget: 3_400_000, priority: 1, milestones: "Felles datarom i drift, vaktordning frå 1. september." },
  8: { budget: 380_000, priority: 2, milestones: "Anskaffing av felles portalløysing." },
};

/** The 2015 draft's changes to what was rolled from 2014. */
const CHANGES_2015: Record<number, { budget: number; priority: number; milestones: string }> = {
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

export async function seedPlanDemo(db: DB): Promise<void> {
  const coop = await db.selectFrom("cooperation").select("id").where("slug", "=", EKOMMUNE.slug).executeTakeFirstOrThrow();
  const cooperationId = storedCooperationId(coop.id);
  const as = async (email: string) => ({ cooperationId, userId: await userId(db, email) });
  const secretariat = await as("sekretariat@ekommune-sunnmore.example");
  const board = await as("styre@ekommune-sunnmore.example");
  const giske = await as("ikt@giske.example");
  const sula = await as("ikt@sula.example");
  const act = async (who: typeof secretariat, versionId: string, request: TransitionRequest) =>
    transitionPlanVersion(db, { ...who, versionId, version: await currentVersion(db, versionId), request });
  const measures = await db
    .selectFrom("measure")
    .select(["id", "number"])
    .where("cooperation_id", "=", coop.id)
    .orderBy("number")
    .execute();

  const applyChanges = async (versionId: string, changes: typeof CHANGES_2014) => {
    const view = await loadPlanVersion(db, { cooperationId, versionId });
    for (const item of view.items) {
      const change = changes[item.measureNumber];
      if (!change) continue;
      await updatePlanItem(db, {
        ...secretariat,
        versionId,
        version: await currentVersion(db, versionId),
        itemId: item.id,
        values: {
          budget: change.budget * KR,
          priority: change.priority,
          periodFrom: item.periodFrom,
          periodTo: item.periodTo,
          milestones: change.milestones,
        },
      });
    }
    return view;
  };

  // 2013: the first plan, built from the catalogue
  const plan2013 = (await createEmptyPlan(db, { ...secretariat, year: 2013 })).versionId;
  for (const m of measures) {
    const p = PLAN_2013[m.number];
    await addPlanItem(db, {
      ...secretariat,
      versionId: plan2013,
      version: await currentVersion(db, plan2013),
      measureId: m.id,
      values: p
        ? { budget: p.budget * KR, priority: p.priority, periodFrom: p.from, periodTo: p.to, milestones: p.milestones }
        : undefined,
    });
  }
  await act(secretariat, plan2013, { action: "sendForInput", inputDeadline: "2012-11-09" });
  await act(secretariat, plan2013, { action: "submit" });
  await act(board, plan2013, {
    action: "approve",
    decision: {
      body: "chief_executives",
      decidedOn: "2012-12-06",
      caseNumber: "21/12",
      text: "Rådmannsutvalet godkjenner handlingsplanen for eKommune Sunnmøre for 2013 slik han ligg føre.",
    },
  });

  // 2014: rolled from 2013, with new budgets and priorities
  const plan2014 = (await createPlanFromPreviousYear(db, { ...secretariat, year: 2014 })).versionId;
  await applyChanges(plan2014, CHANGES_2014);
  await act(secretariat, plan2014, { action: "sendForInput", inputDeadline: "2013-11-08" });
  await act(secretariat, plan2014, { action: "submit" });
  await act(board, plan2014, {
    action: "approve",
    decision: {
      body: "chief_executives",
      decidedOn: "2013-12-05",
      caseNumber: "14/13",
      text: "Rådmannsutvalet godkjenner handlingsplanen for 2014 med dei endringane i budsjett og prioritering som sekretariatet har lagt fram.",
    },
  });

  // 2015: rolled from 2014 and out for input, with the first comments in
  const plan2015 = (await createPlanFromPreviousYear(db, { ...secretariat, year: 2015 })).versionId;
  const view2015 = await applyChanges(plan2015, CHANGES_2015);
  await act(secretariat, plan2015, { action: "sendForInput", inputDeadline: daysFromToday(21) });
  const item = (number: number) => view2015.items.find((i) => i.measureNumber === number)?.id ?? null;
  const handled = await addPlanComment(db, {
    ...giske,
    versionId: plan2015,
    body: "Giske kommune støttar planen. Vi ber om at opplæring av tilsette får eigen post i budsjettet, slik at innføringa ikkje stoppar opp i kommunane.",
  });
  await addPlanComment(db, {
    ...giske,
    versionId: plan2015,
    itemId: item(6),
    body: "Vaktordninga må gjelde skular og barnehagar òg. Vi har i dag ingen vakt etter klokka 16.",
  });
  await addPlanComment(db, {
    ...sula,
    versionId: plan2015,
    itemId: item(8),
    body: "Sula meiner portalløysinga bør prioriterast høgare enn i fjor, og at innbyggjarane må kunne logge inn med ID-porten.",
  });
  await addPlanComment(db, {
    ...board,
    versionId: plan2015,
    body: "Styret ønskjer ei samla oversikt over kor mykje kvar kommune betaler før planen vert lagd fram for rådmannsutvalet.",
  });
  await setCommentHandled(db, { ...secretariat, commentId: handled, handled: true });
}
