import type { DB } from "../../db/connect";
import { kroner, partRows, type DatasetRow } from "../open-data/datasets.server";
import { publicMeasure } from "../publication/matrix.server";
import {
  publicCooperation,
  publicPlan,
  publicPlans,
  publicReport,
  publicReports,
  publicStrategies,
  publicStrategy,
} from "../publication/pages.server";
import { publishedParts } from "../publication/parts";
import { listPublicScopes, type PublicScope } from "../publication/public-scope.server";
import type { ReportDocument } from "../report/figures";
import { API_PREFIX } from "./paths";

/*
 * The API's answers, made from what the public pages show: the publication functions already
 * leave out users, staff notes and anything unpublished, and these only rename and reshape. Money
 * leaves as kroner (the database keeps øre).
 */

const cooperationPath = (slug: string) => `${API_PREFIX}/cooperations/${encodeURIComponent(slug)}`;

/** Absolute URLs of the API's own resources, under the origin the caller used (or APP_ORIGIN). */
export interface Links {
  origin: string;
}
const link = ({ origin }: Links, path: string) => `${origin}${path}`;

function cooperationSummary(scope: PublicScope, links: Links) {
  return {
    slug: scope.slug,
    name: scope.name,
    published_parts: publishedParts(scope.published),
    url: link(links, cooperationPath(scope.slug)),
  };
}

export async function cooperationList(db: DB, links: Links) {
  return (await listPublicScopes(db)).map((scope) => cooperationSummary(scope, links));
}

export async function cooperation(db: DB, scope: PublicScope, links: Links) {
  const c = await publicCooperation(db, scope);
  return {
    ...cooperationSummary(scope, links),
    description: c.description,
    legal_form: c.legalForm,
    host_municipality_name: c.hostMunicipality,
    organisation_number: c.organisationNumber,
    contact_point: c.contact,
    members: c.members,
  };
}

export async function strategyList(db: DB, scope: PublicScope) {
  return (await publicStrategies(db, scope)).map((s) => ({
    id: s.id,
    title: s.title,
    period_from: s.periodFrom,
    period_to: s.periodTo,
    status: s.status,
    decided_on: s.decidedOn,
  }));
}

const decision = (d: { body: string; decidedOn: string; caseNumber: string | null; text: string }) => ({
  body: d.body,
  decided_on: d.decidedOn,
  case_number: d.caseNumber,
  text: d.text,
});

export async function strategy(db: DB, scope: PublicScope, id: string) {
  const s = await publicStrategy(db, scope, id);
  if (!s) return null;
  return {
    id: s.id,
    title: s.title,
    period_from: s.periodFrom,
    period_to: s.periodTo,
    status: s.status,
    vision: s.vision,
    purpose: s.purpose,
    principles: s.principles,
    national_guidelines: s.nationalGuidelines,
    decision: s.decision && decision(s.decision),
    revision_of: s.revisionOf && { id: s.revisionOf.id, title: s.revisionOf.title },
    focus_areas: s.focusAreas.map((area) => ({
      id: area.id,
      title: area.title,
      description: area.description,
      rationale: area.rationale,
      goals: area.goals.map((g) => ({ id: g.id, text: g.text, indicator: g.indicator, target: g.target })),
    })),
  };
}

export async function planList(scope: PublicScope, links: Links) {
  return (await publicPlans(scope)).map((p) => ({
    year: p.year,
    version_no: p.versionNo,
    decided_on: p.decidedOn,
    case_number: p.caseNumber,
    url: link(links, `${cooperationPath(scope.slug)}/plans/${p.year}`),
  }));
}

export async function plan(db: DB, scope: PublicScope, year: number) {
  const p = await publicPlan(db, scope, year);
  if (!p) return null;
  return {
    year: p.year,
    version_no: p.versionNo,
    approved_at: p.approvedAt,
    decision: { ...decision(p.decision), outcome: p.decision.outcome },
    items: p.items.map(({ measure: m, shares, ...item }) => ({
      measure: {
        number: m.number,
        name: m.name,
        description: m.description,
        status: m.status,
        focus_areas: m.focusAreas,
        goals: m.goals,
        benefits: m.benefitsText,
        investment_cost_nok: kroner(m.investmentCost),
        running_cost_nok: kroner(m.runningCost),
        financing: m.financingText,
        cost_key: m.costKey,
      },
      budget_nok: kroner(item.budget),
      priority: item.priority,
      period_from: item.periodFrom,
      period_to: item.periodTo,
      milestones: item.milestones,
      carried_over: item.carriedOver,
      cost_shares: {
        year: shares.year,
        population_year: shares.populationYear,
        complete: shares.ok,
        shares: shares.ok
          ? shares.rows.map((r) => ({
              municipality: { number: r.number, name: r.name },
              population: r.population,
              investment_share_nok: kroner(r.investmentShare),
              running_share_nok: kroner(r.runningShare),
            }))
          : [],
      },
    })),
  };
}

/** The measures the public pages show (of an approved plan or a year's matrix), as the open data lists them. */
export async function measureList(db: DB, scope: PublicScope, links: Links) {
  return ((await partRows(db, scope, "measures")) ?? []).map((row) => ({
    number: row.measure_number,
    name: row.measure_name,
    description: row.description,
    status: row.measure_status,
    period_from: row.period_from,
    period_to: row.period_to,
    cost_key: row.cost_key,
    investment_cost_nok: row.investment_cost_nok,
    running_cost_nok: row.running_cost_nok,
    url: link(links, `${cooperationPath(scope.slug)}/measures/${row.measure_number}`),
  }));
}

/** A listed measure, with each municipality's uptake history when the matrix is published. */
export async function measure(db: DB, scope: PublicScope, number: number, links: Links) {
  const listed = (await measureList(db, scope, links)).find((m) => m.number === number);
  const m = listed && (await publicMeasure(db, scope, number));
  if (!listed || !m) return null;
  const { url, ...summary } = listed;
  return {
    ...summary,
    uptake_history: scope.published.matrix
      ? m.history.flatMap((part) =>
          part.municipalityNumber === null
            ? []
            : [
                {
                  municipality: { number: part.municipalityNumber, name: part.name },
                  changes: (part.entries ?? []).map((e) => ({ from: e.from, to: e.to, effective_date: e.effectiveDate })),
                },
              ],
        )
      : null,
  };
}

/** The open data's uptake rows by year: each participating municipality's status for each measure at the year's end. */
export async function uptakeByYear(db: DB, scope: PublicScope) {
  const byYear = new Map<number, ReturnType<typeof uptakeCell>[]>();
  for (const row of (await partRows(db, scope, "uptake")) ?? []) {
    const year = row.year as number;
    const cells = byYear.get(year) ?? [];
    if (cells.length === 0) byYear.set(year, cells);
    cells.push(uptakeCell(row));
  }
  return byYear;
}

const uptakeCell = (row: DatasetRow) => ({
  year: row.year,
  as_of: row.as_of_date,
  measure: { number: row.measure_number, name: row.measure_name },
  municipality: { number: row.municipality_number, name: row.municipality_name },
  status: row.uptake_status,
});

export async function reportList(db: DB, scope: PublicScope, links: Links) {
  return (await publicReports(db, scope)).map((r) => ({
    year: r.year,
    published_at: r.publishedAt,
    url: link(links, `${cooperationPath(scope.slug)}/reports/${r.year}`),
  }));
}

/**
 * Municipalities by id and by name, as a frozen report names them: its matrix knows the members
 * of that year; the register knows any other (a cost share of a municipality that left).
 */
async function municipalityIndex(db: DB, doc: ReportDocument) {
  const register = await db.selectFrom("municipality").select(["id", "number", "name"]).execute();
  const byId = new Map(register.map((m) => [m.id, { number: m.number, name: m.name }]));
  const byName = new Map(register.map((m) => [m.name, { number: m.number, name: m.name }]));
  for (const m of doc.figures.matrix.municipalities) {
    byId.set(m.id, { number: m.number, name: m.name });
    byName.set(m.name, { number: m.number, name: m.name });
  }
  return {
    byId: (id: string) => byId.get(id) ?? null,
    byName: (name: string | null) => (name ? (byName.get(name) ?? null) : null),
  };
}

export async function report(db: DB, scope: PublicScope, year: number) {
  const doc = await publicReport(db, scope, year, scope.defaultLanguage);
  if (!doc?.publishedAt) return null;
  const { figures } = doc;
  const municipalities = await municipalityIndex(db, doc);
  const measures = figures.matrix.groups.flatMap((g) => g.measures);
  return {
    year: figures.year,
    published_at: doc.publishedAt,
    computed_at: figures.computedAt,
    narrative: doc.narrative,
    plan: figures.plan && {
      version_no: figures.plan.versionNo,
      approved_on: figures.plan.approvedOn,
      items: figures.plan.items.map((item) => ({
        measure_number: item.number,
        measure_name: item.name,
        status: item.status,
        budget_nok: kroner(item.budget),
        priority: item.priority,
        milestones: item.milestones,
        uptake: uptakeOf(item.uptake),
      })),
    },
    uptake: {
      total: uptakeOf(figures.matrix.total),
      measures: measures.map((m) => ({ number: m.number, name: m.name, status: m.status, uptake: uptakeOf(m.uptake) })),
      municipalities: figures.matrix.municipalities.map((m, i) => ({
        municipality: { number: m.number, name: m.name },
        uptake: uptakeOf(figures.matrix.municipalityTotals[i]),
      })),
    },
    progress: figures.progress.areas.map((area) => ({
      focus_area: area.title,
      measures: area.measures,
      share: area.share,
      goals: area.goals.map((g) => ({ text: g.text, measures: g.measures, share: g.share })),
    })),
    costs: {
      total_investment_nok: kroner(figures.costs.totalInvestment),
      total_running_nok: kroner(figures.costs.totalRunning),
      measures: figures.costs.measures.map((m) => ({
        number: m.number,
        name: m.name,
        investment_nok: kroner(m.investment),
        running_nok: kroner(m.running),
      })),
      municipalities: figures.costs.municipalities.flatMap((m) => {
        const municipality = municipalities.byId(m.id);
        return municipality
          ? [{ municipality, total_investment_nok: kroner(m.totalInvestment), total_running_nok: kroner(m.totalRunning) }]
          : [];
      }),
    },
    realised_benefits: figures.benefits.map((b) => ({
      measure_number: b.measureNumber,
      measure_name: b.measureName,
      municipality: municipalities.byName(b.municipality),
      description: b.description,
      amount: b.amount,
      unit: b.unit,
    })),
    comments: figures.comments.map((c) => ({
      measure_number: c.measureNumber,
      municipality: municipalities.byName(c.municipality),
      date: c.date.slice(0, 10),
      text: c.text,
    })),
  };
}

const uptakeOf = (u: { relevant: number; inUse: number; ratio: number | null }) => ({
  relevant: u.relevant,
  in_use: u.inUse,
  ratio: u.ratio,
});
