import { z } from "zod";
import type { DB } from "../../db/connect";
import { PUBLIC_PARTS, type PublicPart } from "../publication/parts";
import type { PublicScope } from "../publication/public-scope.server";
import { PAGE_QUERY } from "./pagination.server";
import type { ParameterError } from "./problem.server";
import * as resources from "./resources.server";
import {
  Cooperation,
  CooperationSummary,
  Measure,
  MeasureSummary,
  Plan,
  PlanSummary,
  Report,
  ReportSummary,
  Strategy,
  StrategySummary,
  UptakeCell,
} from "./schemas.server";

/*
 * Every address of the read API, as one table: what it takes (path and query parameters as zod
 * schemas), which published part it needs, what it answers, and how it loads. The handler, the
 * route modules and the OpenAPI document all read this table.
 */

type Shape = Record<string, z.ZodType>;

export interface LoadContext<P extends Shape, Q extends Shape> {
  db: DB;
  /** set for every endpoint under a cooperation */
  scope: PublicScope;
  params: z.output<z.ZodObject<P>>;
  query: z.output<z.ZodObject<Q>>;
  links: resources.Links;
}

/** A query parameter that parsed but names nothing there is (a year without data). */
export class QueryRefused extends Error {
  constructor(readonly errors: ParameterError[]) {
    super(errors.map((e) => `${e.parameter}: ${e.message}`).join("; "));
  }
}

export interface Endpoint {
  /** relative to the API's base URL, in OpenAPI's template syntax */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  /** the cooperation must publish one of these; null for an address not under a cooperation */
  parts: readonly PublicPart[] | null;
  params: Shape;
  query: Shape;
  /** the answer, or for a list the schema of one item (the answer is a page of them) */
  response: z.ZodType;
  list: boolean;
  load(ctx: LoadContext<Shape, Shape>): Promise<unknown>;
}

function endpoint<P extends Shape = Record<never, never>, Q extends Shape = Record<never, never>>(spec: {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  parts: readonly PublicPart[] | null;
  params?: P;
  query?: Q;
  response: z.ZodType;
  list?: boolean;
  load(ctx: LoadContext<P, Q>): Promise<unknown>;
}): Endpoint {
  return {
    ...spec,
    params: spec.params ?? {},
    query: { ...spec.query, ...(spec.list ? PAGE_QUERY : {}) },
    list: spec.list ?? false,
    load: spec.load as Endpoint["load"],
  };
}

const SLUG = {
  slug: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .describe("The cooperation's address name, e.g. ekommune-sunnmore"),
};
const year = (what: string) => z.coerce.number().int().min(1000).max(9999).describe(what);

const cooperations = endpoint({
  path: "/cooperations",
  operationId: "listCooperations",
  summary: "Cooperations that publish",
  description: "Every cooperation that publishes at least one part, by name.",
  parts: null,
  list: true,
  response: CooperationSummary,
  load: ({ db, links }) => resources.cooperationList(db, links),
});

const cooperation = endpoint({
  path: "/cooperations/{slug}",
  operationId: "getCooperation",
  summary: "A cooperation",
  description: "The cooperation, what it publishes and its member municipalities.",
  parts: PUBLIC_PARTS,
  params: SLUG,
  response: Cooperation,
  load: ({ db, scope, links }) => resources.cooperation(db, scope, links),
});

const strategies = endpoint({
  path: "/cooperations/{slug}/strategies",
  operationId: "listStrategies",
  summary: "Adopted strategies",
  description: "The cooperation's adopted strategies, the one in force first, then archived ones. Needs the part `strategy`.",
  parts: ["strategy"],
  params: SLUG,
  list: true,
  response: StrategySummary,
  load: ({ db, scope }) => resources.strategyList(db, scope),
});

const strategy = endpoint({
  path: "/cooperations/{slug}/strategies/{id}",
  operationId: "getStrategy",
  summary: "A strategy",
  description: "An adopted (or archived) strategy as decided: text, focus areas and goals. Needs the part `strategy`.",
  parts: ["strategy"],
  params: { ...SLUG, id: z.string().min(1).max(100).describe("The strategy's id, from the list") },
  response: Strategy,
  load: ({ db, scope, params }) => resources.strategy(db, scope, params.id),
});

const plans = endpoint({
  path: "/cooperations/{slug}/plans",
  operationId: "listPlans",
  summary: "Approved action plans",
  description: "The years with an approved action plan, newest first. Needs the part `plan`.",
  parts: ["plan"],
  params: SLUG,
  list: true,
  response: PlanSummary,
  load: ({ scope, links }) => resources.planList(scope, links),
});

const plan = endpoint({
  path: "/cooperations/{slug}/plans/{year}",
  operationId: "getPlan",
  summary: "A year's approved action plan",
  description:
    "The plan as approved: the decision (body, date, case number), and each item with its budget and the municipalities' cost shares. Needs the part `plan`.",
  parts: ["plan"],
  params: { ...SLUG, year: year("The plan year") },
  response: Plan,
  load: ({ db, scope, params }) => resources.plan(db, scope, params.year),
});

const measures = endpoint({
  path: "/cooperations/{slug}/measures",
  operationId: "listMeasures",
  summary: "Measures",
  description:
    "The measures of the cooperation's approved plans and of its yearly matrices, by number: the same as the open data's measures dataset. Needs the part `plan` or `matrix`.",
  parts: ["plan", "matrix"],
  params: SLUG,
  list: true,
  response: MeasureSummary,
  load: ({ db, scope, links }) => resources.measureList(db, scope, links),
});

const measure = endpoint({
  path: "/cooperations/{slug}/measures/{number}",
  operationId: "getMeasure",
  summary: "A measure",
  description:
    "A measure of an approved plan or of a year's matrix, and, when the matrix is published, each municipality's uptake of it over time: the statuses and the days they took effect. Needs the part `plan` or `matrix`.",
  parts: ["plan", "matrix"],
  params: { ...SLUG, number: z.coerce.number().int().min(1).max(1_000_000).describe("The measure's number") },
  response: Measure,
  load: ({ db, scope, params, links }) => resources.measure(db, scope, params.number, links),
});

const uptake = endpoint({
  path: "/cooperations/{slug}/uptake",
  operationId: "listUptake",
  summary: "Uptake per measure and municipality",
  description:
    "The uptake matrix of a year as rows, the same as the open data's uptake dataset: each measure × participating municipality with its status at the end of the year (today for the current year). Needs the part `matrix`.",
  parts: ["matrix"],
  params: SLUG,
  query: { year: year("The year; by default the latest with figures (this year's are as of today)").optional() },
  list: true,
  response: UptakeCell,
  async load({ db, scope, query }) {
    const byYear = await resources.uptakeByYear(db, scope);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    if (query.year === undefined) return byYear.get(years.at(-1) ?? 0) ?? [];
    const rows = byYear.get(query.year);
    if (rows) return rows;
    const range = years.length ? `${years[0]}–${years.at(-1)}` : "none";
    throw new QueryRefused([{ parameter: "year", message: `No figures for ${query.year}; years with figures: ${range}` }]);
  },
});

const reports = endpoint({
  path: "/cooperations/{slug}/reports",
  operationId: "listReports",
  summary: "Published annual reports",
  description: "The published annual status reports, newest first. Needs the part `reports`.",
  parts: ["reports"],
  params: SLUG,
  list: true,
  response: ReportSummary,
  load: ({ db, scope, links }) => resources.reportList(db, scope, links),
});

const report = endpoint({
  path: "/cooperations/{slug}/reports/{year}",
  operationId: "getReport",
  summary: "A published annual report",
  description:
    "A published annual status report's figures as frozen on the day it was published, with the secretariat's texts and the comments it quotes. Needs the part `reports`.",
  parts: ["reports"],
  params: { ...SLUG, year: year("The report year") },
  response: Report,
  load: ({ db, scope, params }) => resources.report(db, scope, params.year),
});

export const ENDPOINTS = {
  cooperations,
  cooperation,
  strategies,
  strategy,
  plans,
  plan,
  measures,
  measure,
  uptake,
  reports,
  report,
} as const satisfies Record<string, Endpoint>;
