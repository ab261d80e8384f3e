import { z } from "zod";
import { cleanString, dateSchema, idSchema, nokSchema, versionSchema, wholeNumber, yearSchema } from "./common";
import { decisionFields } from "./decision";

/*
 * Action-plan forms. Messages are translation keys (`validation.*`, `plan.validation.*`).
 * Every form that changes a plan version carries the version's row `version` (optimistic
 * concurrency); the cooperation and the user never come from a form.
 */

const optionalYear = yearSchema.optional().transform((v) => v ?? null);

export const PlanDecisionSchema = z.object({ ...decisionFields, version: versionSchema });
export const InputDeadlineSchema = z.object({ inputDeadline: dateSchema, version: versionSchema });

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
  budget: nokSchema,
  priority: wholeNumber(1, 999, "plan:validation.priority")
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
