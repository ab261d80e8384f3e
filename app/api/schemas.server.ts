import { z } from "zod";
import { COST_KEYS, MEASURE_STATUSES } from "@shared-schema/measure";
import { DECISION_BODIES } from "@shared-schema/decision";
import { PUBLIC_PARTS } from "@shared-schema/publication";
import { UPTAKE_SCALE } from "@shared-schema/uptake";

/*
 * The read API's answers as zod schemas: the handler parses every answer with its schema before
 * sending it (an object keeps only the properties named here, so a field added to a page's data
 * cannot reach the API by accident), and the OpenAPI document is generated from the same schemas.
 * Each schema named in `API_SCHEMAS` becomes a component of that document.
 */

export const API_SCHEMAS = z.registry<{ id: string; description: string }>();

function named<T extends z.ZodType>(id: string, description: string, schema: T): T {
  API_SCHEMAS.add(schema, { id, description });
  return schema;
}

const nok = (description: string) =>
  z.number().describe(`${description}, in Norwegian kroner with two decimals (the portal keeps øre as integers)`);
const date = (description: string) => z.iso.date().describe(`${description} (yyyy-mm-dd)`);
const timestamp = (description: string) => z.string().describe(`${description} (ISO 8601 date and time, UTC)`);
const year = (description: string) => z.number().int().min(1000).max(9999).describe(description);
const url = (description: string) => z.url().describe(`${description} (absolute URL)`);

export const Municipality = named(
  "Municipality",
  "A Norwegian municipality by its four-digit number (kommunenummer) and name.",
  z.object({ number: z.string().regex(/^\d{4}$/), name: z.string() }),
);

const measureStatus = z.enum(MEASURE_STATUSES).describe("The measure's status in the cooperation");
const uptakeStatus = z.enum(UPTAKE_SCALE);

const Uptake = named(
  "UptakeSummary",
  "How many of the participating municipalities that find a measure relevant have it in use (in_use or realised).",
  z.object({
    relevant: z.number().int().describe("Participating municipalities for which it is relevant"),
    in_use: z.number().int().describe("Of those, how many have it in use or have realised its benefits"),
    ratio: z.number().min(0).max(1).nullable().describe("in_use ÷ relevant, or null when none finds it relevant"),
  }),
);

const Decision = named(
  "Decision",
  "The decision that adopted a strategy or approved a plan.",
  z.object({
    body: z.enum(DECISION_BODIES).describe("Who decided"),
    decided_on: date("The day of the decision"),
    case_number: z.string().nullable().describe("The case number in the archive, when recorded"),
    text: z.string().describe("The decision as recorded"),
  }),
);

export const CooperationSummary = named(
  "CooperationSummary",
  "A cooperation that publishes at least one part.",
  z.object({
    slug: z.string().describe("The cooperation's address name"),
    name: z.string(),
    published_parts: z.array(z.enum(PUBLIC_PARTS)).describe("What the cooperation publishes"),
    url: url("This cooperation in the API"),
  }),
);

export const Cooperation = named(
  "Cooperation",
  "A publishing cooperation with its member municipalities.",
  CooperationSummary.extend({
    description: z.string().nullable(),
    legal_form: z.string().nullable().describe("E.g. a host-municipality cooperation (vertskommunesamarbeid)"),
    host_municipality_name: z.string().nullable(),
    organisation_number: z.string().nullable().describe("Nine digits in Enhetsregisteret"),
    contact_point: z
      .object({ name: z.string().nullable(), email: z.string() })
      .nullable()
      .describe("The address the cooperation publishes for questions (a role address, not a person's)"),
    members: z.array(Municipality).describe("Current member municipalities"),
  }),
);

export const StrategySummary = named(
  "StrategySummary",
  "An adopted (or since archived) strategy; drafts are never published.",
  z.object({
    id: z.string(),
    title: z.string(),
    period_from: year("First year of the strategy period"),
    period_to: year("Last year of the strategy period"),
    status: z.enum(["adopted", "archived"]),
    decided_on: date("The day it was adopted").nullable(),
  }),
);

export const Strategy = named(
  "Strategy",
  "A strategy as adopted: its text, focus areas and goals.",
  StrategySummary.omit({ decided_on: true }).extend({
    vision: z.string(),
    purpose: z.string(),
    principles: z.array(z.string()),
    national_guidelines: z.array(z.string()),
    decision: Decision.nullable(),
    revision_of: z.object({ id: z.string(), title: z.string() }).nullable().describe("The published strategy this one revises"),
    focus_areas: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        rationale: z.string(),
        goals: z.array(
          z.object({ id: z.string(), text: z.string(), indicator: z.string().nullable(), target: z.string().nullable() }),
        ),
      }),
    ),
  }),
);

export const PlanSummary = named(
  "PlanSummary",
  "A year with an approved action plan.",
  z.object({
    year: year("The plan year"),
    version_no: z.number().int().describe("The approved version"),
    decided_on: date("The day it was approved").nullable(),
    case_number: z.string().nullable(),
    url: url("This plan in the API"),
  }),
);

const CostShare = z.object({
  municipality: Municipality,
  population: z.number().int().nullable().describe("The population the share was computed from, when the key uses it"),
  investment_share_nok: nok("The municipality's share of the investment cost"),
  running_share_nok: nok("The municipality's share of the yearly running cost"),
});

export const Plan = named(
  "Plan",
  "A year's action plan as approved: the frozen version with its decision, items, budgets and cost shares.",
  z.object({
    year: year("The plan year"),
    version_no: z.number().int(),
    approved_at: timestamp("When the version was approved"),
    decision: Decision.extend({ outcome: z.enum(["adopted", "approved", "returned"]) }),
    items: z.array(
      z.object({
        measure: z.object({
          number: z.number().int(),
          name: z.string(),
          description: z.string(),
          status: measureStatus,
          focus_areas: z.array(z.string()).describe("Titles of the strategy's focus areas it supports"),
          goals: z.array(z.string()).describe("The strategy's goals it supports"),
          benefits: z.string().describe("The expected benefits, as written in the plan"),
          investment_cost_nok: nok("The measure's investment cost"),
          running_cost_nok: nok("The measure's yearly running cost"),
          financing: z.string(),
          cost_key: z.enum(COST_KEYS).describe("How its cost is shared between municipalities"),
        }),
        budget_nok: nok("The plan's budget for the measure this year"),
        priority: z.number().int().nullable(),
        period_from: year("First year").nullable(),
        period_to: year("Last year").nullable(),
        milestones: z.string(),
        carried_over: z.boolean().describe("Carried over from the previous year's plan"),
        cost_shares: z.object({
          year: year("The year the shares are for"),
          population_year: year("The year of the population figures used"),
          complete: z.boolean().describe("false when the cost could not be shared (e.g. a population figure is missing)"),
          shares: z.array(CostShare),
        }),
      }),
    ),
  }),
);

export const MeasureSummary = named(
  "MeasureSummary",
  "A measure of the cooperation.",
  z.object({
    number: z.number().int().describe("The measure's number within the cooperation"),
    name: z.string(),
    description: z.string(),
    status: measureStatus,
    period_from: year("First year").nullable(),
    period_to: year("Last year").nullable(),
    cost_key: z.enum(COST_KEYS).describe("How its cost is shared between municipalities"),
    investment_cost_nok: nok("Its investment cost"),
    running_cost_nok: nok("Its yearly running cost"),
    url: url("This measure in the API"),
  }),
);

export const Measure = named(
  "Measure",
  "A measure and each municipality's uptake of it over time (statuses and the days they took effect).",
  MeasureSummary.omit({ url: true }).extend({
    uptake_history: z
      .array(
        z.object({
          municipality: Municipality,
          changes: z
            .array(
              z.object({
                from: uptakeStatus.nullable().describe("The status before, or null for the first report"),
                to: uptakeStatus,
                effective_date: date("The day the status took effect"),
              }),
            )
            .describe("Newest first, so the first is the status now; empty when the municipality has not reported"),
        }),
      )
      .nullable()
      .describe(
        "Every municipality that takes part in it or has reported on it; null unless the cooperation publishes the matrix",
      ),
  }),
);

export const UptakeCell = named(
  "UptakeCell",
  "A participating municipality's status for a measure at the end of the year (today for the current year).",
  z.object({
    year: year("The year"),
    as_of: date("The day the status is taken on"),
    measure: z.object({ number: z.number().int(), name: z.string() }),
    municipality: Municipality,
    status: z
      .enum([...UPTAKE_SCALE, "not_reported"])
      .describe("not_reported: takes part but has not reported (municipalities that do not take part have no row)"),
  }),
);

export const ReportSummary = named(
  "ReportSummary",
  "A published annual status report.",
  z.object({
    year: year("The report year"),
    published_at: timestamp("When it was published"),
    url: url("This report in the API"),
  }),
);

export const Report = named(
  "Report",
  "A published annual status report's figures as frozen on publication, with the texts published with it.",
  z.object({
    year: year("The report year"),
    published_at: timestamp("When it was published"),
    computed_at: timestamp("When the figures were computed"),
    narrative: z.record(z.string(), z.string()).describe("The secretariat's text per section (summary, plan, matrix, …)"),
    plan: z
      .object({
        version_no: z.number().int(),
        approved_on: date("The day the plan was approved").nullable(),
        items: z.array(
          z.object({
            measure_number: z.number().int(),
            measure_name: z.string(),
            status: measureStatus,
            budget_nok: nok("The plan's budget for the measure"),
            priority: z.number().int().nullable(),
            milestones: z.string(),
            uptake: Uptake,
          }),
        ),
      })
      .nullable()
      .describe("The approved plan the report follows up, if any"),
    uptake: z.object({
      total: Uptake,
      measures: z.array(z.object({ number: z.number().int(), name: z.string(), status: measureStatus, uptake: Uptake })),
      municipalities: z.array(z.object({ municipality: Municipality, uptake: Uptake })),
    }),
    progress: z.array(
      z.object({
        focus_area: z.string(),
        measures: z.number().int(),
        share: z.number().min(0).max(1).nullable().describe("Weighted share in use, or null when none is relevant"),
        goals: z.array(z.object({ text: z.string(), measures: z.number().int(), share: z.number().min(0).max(1).nullable() })),
      }),
    ),
    costs: z.object({
      total_investment_nok: nok("All measures' investment cost"),
      total_running_nok: nok("All measures' running cost"),
      measures: z.array(
        z.object({
          number: z.number().int(),
          name: z.string(),
          investment_nok: nok("Investment"),
          running_nok: nok("Running cost"),
        }),
      ),
      municipalities: z.array(
        z.object({
          municipality: Municipality,
          total_investment_nok: nok("The municipality's share of all investment"),
          total_running_nok: nok("The municipality's share of all running cost"),
        }),
      ),
    }),
    realised_benefits: z.array(
      z.object({
        measure_number: z.number().int(),
        measure_name: z.string(),
        municipality: Municipality.nullable(),
        description: z.string(),
        amount: z.number(),
        unit: z.string().nullable(),
      }),
    ),
    comments: z
      .array(
        z.object({
          measure_number: z.number().int().nullable(),
          municipality: Municipality.nullable(),
          date: date("The day of the comment"),
          text: z.string(),
        }),
      )
      .describe("The comments the report quotes, published with it (without their authors)"),
  }),
);

export const Problem = named(
  "Problem",
  "An error as RFC 9457 problem details (application/problem+json).",
  z.object({
    type: z.string().describe("about:blank: the status code says what went wrong"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().describe("The path that was asked for"),
    errors: z
      .array(z.object({ parameter: z.string(), message: z.string() }))
      .optional()
      .describe("For 400: each query parameter that was refused and why"),
  }),
);

/** A page of a list: `next` is the absolute URL of the following page, null on the last. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int().describe("How many items the whole list has"),
    results: z.array(item),
    next: z.url().nullable().describe("The next page, or null on the last"),
  });
}
