import { z } from "zod";
import { cleanString } from "./common";
import { MAX_YEAR, MIN_YEAR, parseNok } from "./measure";
import { decisionFields, requiredDateSchema } from "./decision";

/*
 * Action-plan forms. Messages are translation keys (`validation.*`, `plan.validation.*`).
 * Every form that changes a plan version carries the version's row `version` (optimistic
 * concurrency); the cooperation and the user never come from a form.
 */

const versionSchema = z.number({ error: "common:form.staleVersion" }).int().min(1);
const idSchema = cleanString({ error: "common:validation.required" }).min(1, { error: "common:validation.required" }).max(64);

const yearSchema = z
  .number({ error: "plan:validation.year" })
  .int({ error: "plan:validation.year" })
  .min(MIN_YEAR, { error: "plan:validation.year" })
  .max(MAX_YEAR, { error: "plan:validation.year" });

const optionalYear = yearSchema.optional().transform((v) => v ?? null);

/** NOK typed the Norwegian way ("1 250 000,50", "kr 12.500"); empty is 0. Output in øre. */
export const budgetSchema = cleanString()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === "") return 0;
    const ore = parseNok(v);
    if (ore === null) {
      ctx.addIssue({ code: "custom", message: "plan:validation.budget" });
      return z.NEVER;
    }
    return ore;
  });

export const PlanDecisionSchema = z.object({ ...decisionFields, version: versionSchema });
export const InputDeadlineSchema = z.object({ inputDeadline: requiredDateSchema, version: versionSchema });

/** The transitions without fields of their own: submit, reopen, amend. */
export const VersionOnlySchema = z.object({ version: versionSchema });

/** "Create the plan for {year}": from last year's approved plan, or an empty first plan. */
export const CreatePlanSchema = z.object({
  year: yearSchema,
  mode: z.enum(["roll", "empty"], { error: "common:validation.required" }),
});

function periodOrder(value: { periodFrom: number | null; periodTo: number | null }, ctx: z.RefinementCtx) {
  if (value.periodFrom !== null && value.periodTo !== null && value.periodTo < value.periodFrom) {
    ctx.addIssue({ code: "custom", path: ["periodTo"], message: "plan:validation.periodOrder" });
  }
}

export const planItemFields = {
  budget: budgetSchema,
  priority: z
    .number({ error: "plan:validation.priority" })
    .int({ error: "plan:validation.priority" })
    .min(1, { error: "plan:validation.priority" })
    .max(999, { error: "plan:validation.priority" })
    .optional()
    .transform((v) => v ?? null),
  periodFrom: optionalYear,
  periodTo: optionalYear,
  milestones: cleanString()
    .trim()
    .max(4000, { error: "common:validation.tooLong" })
    .optional()
    .transform((v) => v ?? ""),
};

export const PlanItemSchema = z.object({ itemId: idSchema, ...planItemFields, version: versionSchema }).superRefine(periodOrder);
export type PlanItemInput = z.output<typeof PlanItemSchema>;

/** The item page's other forms: add a catalogue measure, drop an item. */
export const AddPlanItemSchema = z.object({ measureId: idSchema, version: versionSchema });
export const RemovePlanItemSchema = z.object({ itemId: idSchema, version: versionSchema });
