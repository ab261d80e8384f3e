import type { DB } from "../../db/connect";
import type { Language } from "../../db/schema";
import { listMembers } from "../cooperation/members.server";
import { listPlans } from "../plan/plan-route.server";
import type { PlanSnapshot } from "../plan/snapshot.server";
import type { ReportDocument } from "../report/figures";
import { approvedPlan, listReports, reportDocument } from "../report/report.server";
import { getStrategyDetail, listStrategies, type StrategyDetail } from "../strategy/strategy-read.server";
import type { PublicScope } from "./public-scope.server";

/*
 * What the public pages show, read through the public scope the guard handed out. Each function
 * returns only adopted, approved or published records, and leaves out what staff wrote for each
 * other (assessments, status notes, comments' authors) and every user's name.
 */

export async function publicCooperation(db: DB, scope: PublicScope) {
  const cooperation = await db
    .selectFrom("cooperation")
    .leftJoin("municipality", "municipality.id", "cooperation.host_municipality_id")
    .select([
      "cooperation.description",
      "cooperation.legal_form",
      "cooperation.accessibility_statement_url",
      "cooperation.organisation_number",
      "cooperation.contact_name",
      "cooperation.contact_email",
      "municipality.name as host_name",
    ])
    .where("cooperation.id", "=", scope.cooperationId)
    .executeTakeFirstOrThrow();
  const members = await listMembers(db, { cooperationId: scope.cooperationId });
  return {
    name: scope.name,
    description: cooperation.description,
    legalForm: cooperation.legal_form,
    hostMunicipality: cooperation.host_name,
    accessibilityStatementUrl: cooperation.accessibility_statement_url,
    organisationNumber: cooperation.organisation_number,
    contact: cooperation.contact_email ? { name: cooperation.contact_name, email: cooperation.contact_email } : null,
    members: members.map((m) => ({ number: m.number, name: m.name })),
  };
}

/** Adopted strategies, the one in force first; drafts are never public. */
export async function publicStrategies(db: DB, scope: PublicScope) {
  const all = await listStrategies(db, { cooperationId: scope.cooperationId });
  const adopted = all.filter((s) => s.status !== "draft");
  return [...adopted.filter((s) => s.status === "adopted"), ...adopted.filter((s) => s.status !== "adopted")].map((s) => ({
    id: s.id,
    title: s.title,
    periodFrom: s.periodFrom,
    periodTo: s.periodTo,
    status: s.status,
    decidedOn: s.decidedOn,
  }));
}

export type PublicStrategy = Omit<StrategyDetail, "version" | "updatedAt" | "revisions" | "evaluationYears">;

/** An adopted (or since archived) strategy as decided: its text, focus areas and goals, without assessments. */
export async function publicStrategy(db: DB, scope: PublicScope, strategyId: string): Promise<PublicStrategy | null> {
  const detail = await getStrategyDetail(db, { cooperationId: scope.cooperationId, strategyId });
  if (!detail || detail.status === "draft") return null;
  const { version, updatedAt, revisions, evaluationYears, ...strategy } = detail;
  return {
    ...strategy,
    revisionOf: strategy.revisionOf && strategy.revisionOf.status !== "draft" ? strategy.revisionOf : null,
    focusAreas: strategy.focusAreas.map((area) => ({
      ...area,
      goals: area.goals.map((goal) => ({ ...goal, evaluations: [] })),
    })),
  };
}

/** The years with an approved plan, newest first, with the decision that approved it. */
export async function publicPlans(scope: PublicScope) {
  const plans = await listPlans(scope.cooperationId);
  return plans.flatMap((p) => (p.approved ? [{ year: p.year, ...p.approved }] : []));
}

export type PublicPlan = Omit<PlanSnapshot, "items"> & {
  items: Array<
    Omit<PlanSnapshot["items"][number], "measure"> & { measure: Omit<PlanSnapshot["items"][number]["measure"], "statusText"> }
  >;
};

/** A year's plan as the board approved it: the frozen snapshot, without the secretariat's status notes. */
export async function publicPlan(db: DB, scope: PublicScope, year: number): Promise<PublicPlan | null> {
  const snapshot = await approvedPlan(db, { cooperationId: scope.cooperationId, year });
  if (!snapshot) return null;
  return {
    ...snapshot,
    items: snapshot.items.map(({ measure: { statusText, ...measure }, ...item }) => ({ ...item, measure })),
  };
}

/** The published annual reports, newest first. */
export async function publicReports(db: DB, scope: PublicScope) {
  const reports = await listReports(db, { cooperationId: scope.cooperationId });
  return reports.flatMap((r) => (r.published_at ? [{ year: r.year, publishedAt: r.published_at }] : []));
}

/**
 * A published report as it was frozen, in the language asked for. The comments it quotes were
 * published with it; who wrote them, and who published it, are names of users and stay inside.
 */
export async function publicReport(db: DB, scope: PublicScope, year: number, language: Language): Promise<ReportDocument | null> {
  const doc = await reportDocument(db, { cooperationId: scope.cooperationId, year, language });
  if (!doc?.publishedAt) return null;
  return {
    ...doc,
    publishedBy: null,
    figures: { ...doc.figures, comments: doc.figures.comments.map((comment) => ({ ...comment, author: "" })) },
  };
}
