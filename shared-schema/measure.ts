import { z } from "zod";
import {
  DIGIT_SPACES,
  cleanString,
  idSchema,
  nokSchema,
  optionalText,
  parseYear,
  urlSchema,
  versionSchema,
  wholeNumber,
  yearSchema,
} from "./common";

/*
 * The measure form (tiltak): one schema for create and edit, shared by the routes, the tests and
 * the seeds. Messages are translation keys (`validation.*` shared, `measure.validation.*` own).
 * Money is typed the Norwegian way ("1 250 000", "1 250 000,50", "1.250.000 kr") and kept in øre;
 * percentages for the custom key ("33,34") are kept in basis points (1/100 of a percent).
 */

export const MEASURE_STATUSES = [
  "proposed",
  "planned",
  "in_progress",
  "available",
  "on_hold",
  "continuous",
  "completed",
  "discontinued",
] as const;
export const COST_KEYS = ["equal", "population", "mixed", "custom"] as const;
export const BENEFIT_UNITS = ["nok_per_year", "hours_per_year", "days_per_year", "nok_once", "percent"] as const;

/** "33,34" / "33.34" / "30 %" → basis points, or null. */
export function parsePercent(input: string): number | null {
  const s = input.replace(DIGIT_SPACES, "").replace(/%$/, "").replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, fraction = ""] = s.split(".");
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return bp <= 10_000 ? bp : null;
}

export function formatPercentInput(bp: number): string {
  const rest = bp % 100;
  return rest ? `${Math.floor(bp / 100)},${String(rest).padStart(2, "0")}` : String(bp / 100);
}

/** A whole number typed with optional thousands spaces ("1 200"). */
export function parseWholeNumber(input: string): number | null {
  const s = input.replace(DIGIT_SPACES, "");
  if (!/^\d{1,15}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

const text = (max: number) => cleanString().trim().max(max, { error: "common:validation.tooLong" });

const BenefitRow = z.object({
  /** the saved benefit a row edits; a new row has none */
  id: idSchema.optional(),
  description: text(2000).optional(),
  amount: cleanString().optional(),
  unit: z.enum(BENEFIT_UNITS, { error: "measure:validation.unit" }).optional(),
  owner: optionalText(200),
  baseline: optionalText(500),
  target: optionalText(500),
  measuredWhen: optionalText(200),
});

const LinkRow = z.object({
  title: text(300).optional(),
  url: cleanString().trim().max(2000, { error: "common:validation.tooLong" }).optional(),
});

const MemberRow = z.object({
  id: idSchema,
  selected: z.boolean().optional(),
  percent: cleanString().optional(),
  fromYear: yearSchema.optional(),
  toYear: yearSchema.optional(),
});

export const MeasureFormSchema = z
  .object({
    number: wholeNumber(1, 99_999, "measure:validation.number"),
    name: cleanString({ error: "common:validation.required" })
      .trim()
      .min(1, { error: "common:validation.required" })
      .max(300, { error: "common:validation.tooLong" }),
    description: text(10_000).default(""),
    focusAreas: z.array(cleanString().max(100)).default([]),
    goals: z.array(cleanString().max(100)).default([]),
    benefitsText: text(10_000).default(""),
    benefits: z.array(BenefitRow).default([]),
    investmentCost: nokSchema,
    runningCost: nokSchema,
    financingText: text(10_000).default(""),
    costKey: z.enum(COST_KEYS, { error: "measure:validation.costKey" }),
    equalPercent: wholeNumber(0, 100, "measure:validation.equalPercent").optional(),
    populationYear: yearSchema.optional(),
    priority: wholeNumber(1, 999, "measure:validation.priority").optional(),
    periodFrom: yearSchema.optional(),
    periodTo: yearSchema.optional(),
    owner: optionalText(200),
    participation: z.enum(["all", "chosen"], { error: "measure:validation.participation" }),
    members: z.array(MemberRow).default([]),
    status: z.enum(MEASURE_STATUSES, { error: "measure:validation.status" }),
    statusText: optionalText(2000),
    links: z.array(LinkRow).default([]),
    introducesSystem: z.boolean().default(false),
    phasedOutSystems: text(4000).default(""),
    version: versionSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.periodFrom !== undefined && v.periodTo !== undefined && v.periodTo < v.periodFrom) {
      ctx.addIssue({ code: "custom", path: ["periodTo"], message: "measure:validation.periodOrder" });
    }
    if (v.focusAreas.length === 0 && v.goals.length === 0) {
      ctx.addIssue({ code: "custom", path: ["focusAreas"], message: "measure:validation.supportRequired" });
    }
    if (v.costKey === "mixed" && v.equalPercent === undefined) {
      ctx.addIssue({ code: "custom", path: ["equalPercent"], message: "measure:validation.equalPercent" });
    }
    const included = v.members.filter((m) => v.participation === "all" || m.selected);
    if (v.participation === "chosen" && included.length === 0) {
      ctx.addIssue({ code: "custom", path: ["members"], message: "measure:validation.participantsRequired" });
    }
    v.members.forEach((m, i) => {
      if (m.fromYear !== undefined && m.toYear !== undefined && m.toYear < m.fromYear) {
        ctx.addIssue({ code: "custom", path: ["members", i, "toYear"], message: "measure:validation.periodOrder" });
      }
      if (m.percent?.trim() && parsePercent(m.percent) === null) {
        ctx.addIssue({ code: "custom", path: ["members", i, "percent"], message: "measure:validation.percent" });
      }
    });
    if (v.costKey === "custom" && included.length > 0) {
      const bps = included.map((m) => (m.percent?.trim() ? parsePercent(m.percent) : null));
      if (bps.some((bp) => bp === null)) {
        included.forEach((m) => {
          if (!m.percent?.trim()) {
            ctx.addIssue({
              code: "custom",
              path: ["members", v.members.indexOf(m), "percent"],
              message: "measure:validation.customMissing",
            });
          }
        });
      } else if (bps.reduce<number>((s, bp) => s + bp!, 0) !== 10_000) {
        ctx.addIssue({ code: "custom", path: ["members"], message: "measure:validation.customSum" });
      }
    }
    v.benefits.forEach((b, i) => {
      const amount = b.amount?.trim();
      const used = Boolean(b.description || amount || b.owner || b.baseline || b.target || b.measuredWhen);
      if (!used) return;
      if (!b.description)
        ctx.addIssue({ code: "custom", path: ["benefits", i, "description"], message: "common:validation.required" });
      if (amount && parseWholeNumber(amount) === null) {
        ctx.addIssue({ code: "custom", path: ["benefits", i, "amount"], message: "measure:validation.wholeNumber" });
      }
      if (amount && !b.unit) ctx.addIssue({ code: "custom", path: ["benefits", i, "unit"], message: "measure:validation.unit" });
    });
    // the list belongs to a measure that brings in a system: kept, it would be shown nowhere; dropped, it would be lost
    if (!v.introducesSystem && v.phasedOutSystems.trim()) {
      ctx.addIssue({ code: "custom", path: ["phasedOutSystems"], message: "measure:validation.phasedOutWithoutSystem" });
    }
    v.links.forEach((l, i) => {
      if (!l.title && !l.url) return;
      if (!l.title) ctx.addIssue({ code: "custom", path: ["links", i, "title"], message: "common:validation.required" });
      const url = urlSchema.safeParse(l.url ?? "");
      if (!url.success) ctx.addIssue({ code: "custom", path: ["links", i, "url"], message: url.error.issues[0].message });
    });
  });

export type MeasureForm = z.output<typeof MeasureFormSchema>;

/** What the domain functions store: the form with blank rows dropped and typed texts parsed. */
export interface MeasureInput {
  number: number;
  name: string;
  description: string;
  focusAreaIds: string[];
  goalIds: string[];
  benefitsText: string;
  benefits: {
    /** the saved benefit this edits; null for a new one */
    id: string | null;
    description: string;
    amount: number | null;
    unit: string | null;
    owner: string | null;
    baseline: string | null;
    target: string | null;
    measuredWhen: string | null;
  }[];
  /** øre */
  investmentCost: number;
  /** øre per year */
  runningCost: number;
  financingText: string;
  costKey: (typeof COST_KEYS)[number];
  equalPercent: number | null;
  populationYear: number | null;
  priority: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  owner: string | null;
  allMembers: boolean;
  /** with all members: only the custom shares; with a chosen subset: the chosen municipalities */
  participants: { municipalityId: string; customShareBp: number | null; fromYear: number | null; toYear: number | null }[];
  status: (typeof MEASURE_STATUSES)[number];
  statusText: string | null;
  links: { title: string; url: string }[];
  introducesSystem: boolean;
  phasedOutSystems: string[];
}

export function toMeasureInput(v: MeasureForm): MeasureInput {
  const allMembers = v.participation === "all";
  const custom = v.costKey === "custom";
  const participants = v.members
    .filter((m) => (allMembers ? custom : m.selected))
    .map((m) => ({
      municipalityId: m.id,
      customShareBp: custom && m.percent?.trim() ? parsePercent(m.percent) : null,
      fromYear: allMembers ? null : (m.fromYear ?? null),
      toYear: allMembers ? null : (m.toYear ?? null),
    }));
  return {
    number: v.number,
    name: v.name,
    description: v.description,
    focusAreaIds: [...new Set(v.focusAreas)],
    goalIds: [...new Set(v.goals)],
    benefitsText: v.benefitsText,
    benefits: v.benefits
      .filter((b) => b.description)
      .map((b) => ({
        id: b.id || null,
        description: b.description!,
        amount: b.amount?.trim() ? parseWholeNumber(b.amount) : null,
        unit: b.amount?.trim() ? (b.unit ?? null) : null,
        owner: b.owner,
        baseline: b.baseline,
        target: b.target,
        measuredWhen: b.measuredWhen,
      })),
    investmentCost: v.investmentCost,
    runningCost: v.runningCost,
    financingText: v.financingText,
    costKey: v.costKey,
    equalPercent: v.costKey === "mixed" ? (v.equalPercent ?? null) : null,
    populationYear: v.costKey === "population" || v.costKey === "mixed" ? (v.populationYear ?? null) : null,
    priority: v.priority ?? null,
    periodFrom: v.periodFrom ?? null,
    periodTo: v.periodTo ?? null,
    owner: v.owner,
    allMembers,
    participants,
    status: v.status,
    statusText: v.statusText,
    links: v.links.filter((l) => l.title && l.url).map((l) => ({ title: l.title!, url: l.url!.trim() })),
    introducesSystem: v.introducesSystem,
    phasedOutSystems: v.introducesSystem
      ? v.phasedOutSystems
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  };
}

/** Catalogue filters and sorting, from the query string (GET form). */
export const MEASURE_SORTS = ["number", "name", "status", "priority", "period"] as const;
export type MeasureSort = (typeof MEASURE_SORTS)[number];

export interface MeasureFilters {
  focusArea?: string;
  goal?: string;
  status?: (typeof MEASURE_STATUSES)[number];
  municipality?: string;
  year?: number;
  sort: MeasureSort;
  dir: "asc" | "desc";
}

export function parseMeasureFilters(params: URLSearchParams): MeasureFilters {
  const s = (k: string) => params.get(k)?.trim() || undefined;
  const status = s("status");
  const sort = s("sort");
  return {
    focusArea: s("focusArea")?.slice(0, 100),
    goal: s("goal")?.slice(0, 100),
    status: (MEASURE_STATUSES as readonly string[]).includes(status ?? "") ? (status as MeasureFilters["status"]) : undefined,
    municipality: s("municipality")?.slice(0, 100),
    year: parseYear(s("year")) ?? undefined,
    sort: (MEASURE_SORTS as readonly string[]).includes(sort ?? "") ? (sort as MeasureSort) : "number",
    dir: s("dir") === "desc" ? "desc" : "asc",
  };
}
