import { z } from "zod";
import { cleanString, idSchema, versionSchema, yearSchema } from "./common";
import { decisionFields } from "./decision";

/*
 * Strategy forms. Messages are translation keys (`validation.*`, `strategy.validation.*`).
 * Lists (principles, national guidelines) are typed one item per line, so they work without
 * JavaScript; the schema turns them into arrays.
 */

const required = (max: number) =>
  cleanString({ error: "common:validation.required" })
    .trim()
    .min(1, { error: "common:validation.required" })
    .max(max, { error: "common:validation.tooLong" });

const optionalText = (max: number) =>
  cleanString()
    .trim()
    .max(max, { error: "common:validation.tooLong" })
    .optional()
    .transform((v) => v ?? "");

const nullableText = (max: number) =>
  cleanString()
    .trim()
    .max(max, { error: "common:validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

/** One item per line; blank lines dropped. At most 30 items of 500 characters. */
const lineList = cleanString()
  .max(15_000, { error: "common:validation.tooLong" })
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(cleanString().max(500, { error: "strategy:validation.listItemTooLong" }))
      .max(30, { error: "strategy:validation.listTooLong" }),
  );

const strategyFields = {
  title: required(200),
  periodFrom: yearSchema,
  periodTo: yearSchema,
  vision: optionalText(1000),
  purpose: optionalText(4000),
  principles: lineList,
  nationalGuidelines: lineList,
};

function periodOrder(value: { periodFrom: number; periodTo: number }, ctx: z.RefinementCtx) {
  if (value.periodTo < value.periodFrom) {
    ctx.addIssue({ code: "custom", path: ["periodTo"], message: "strategy:validation.periodOrder" });
  } else if (value.periodTo - value.periodFrom > 12) {
    ctx.addIssue({ code: "custom", path: ["periodTo"], message: "strategy:validation.periodTooLong" });
  }
}

export const NewStrategySchema = z.object(strategyFields).superRefine(periodOrder);
export const StrategySchema = z.object({ ...strategyFields, version: versionSchema }).superRefine(periodOrder);
export type StrategyInput = z.output<typeof NewStrategySchema>;

export const FocusAreaSchema = z.object({
  /** set when editing an existing focus area */
  focusAreaId: cleanString().max(64).optional(),
  title: required(200),
  description: optionalText(4000),
  rationale: optionalText(4000),
  version: versionSchema,
});
export type FocusAreaInput = Omit<z.output<typeof FocusAreaSchema>, "version" | "focusAreaId">;

export const GoalSchema = z.object({
  /** set when editing an existing goal */
  goalId: cleanString().max(64).optional(),
  focusAreaId: cleanString({ error: "common:validation.required" }).min(1, { error: "common:validation.required" }).max(64),
  text: required(1000),
  indicator: nullableText(500),
  target: nullableText(500),
  version: versionSchema,
});
export type GoalInput = Omit<z.output<typeof GoalSchema>, "version" | "focusAreaId" | "goalId">;

export const AdoptionSchema = z.object({ ...decisionFields, version: versionSchema });
export type AdoptionInput = Omit<z.output<typeof AdoptionSchema>, "version">;

export const EvaluationSchema = z.object({
  entries: z
    .array(
      z.object({
        goalId: idSchema,
        assessment: optionalText(2000),
        /** the assessment the form showed: what was stored when the page was loaded */
        shown: optionalText(2000),
      }),
    )
    .max(200)
    .default([]),
});

/** The small buttons on a strategy page: reorder, remove, start a revision. */
export const StrategyIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("moveArea"), id: idSchema, direction: z.enum(["up", "down"]), version: versionSchema }),
  z.object({ intent: z.literal("moveGoal"), id: idSchema, direction: z.enum(["up", "down"]), version: versionSchema }),
  z.object({ intent: z.literal("removeArea"), id: idSchema, version: versionSchema }),
  z.object({ intent: z.literal("removeGoal"), id: idSchema, version: versionSchema }),
  z.object({ intent: z.literal("startRevision") }),
]);
