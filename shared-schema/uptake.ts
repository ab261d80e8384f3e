import { z } from "zod";
import type { UptakeStatus } from "../db/schema";
import { cleanString, dateSchema, idSchema, optionalText, urlSchema } from "./common";
import { osloToday } from "./dates";
import { parseWholeNumber } from "./measure";

/*
 * Uptake reports (innføringsstatus): one measure at a time with every field, or many measures
 * in one table. The municipality and the reporter come from the session, never from here.
 * `currentStatus` is what the form showed; it lets the browser say early that a step back needs
 * a comment, while the server checks against the status that is current when it saves.
 */

/** The ordered scale; the index is how far a municipality has come. */
export const UPTAKE_SCALE = [
  "not_relevant",
  "not_started",
  "planned",
  "in_progress",
  "in_use",
  "realised",
] as const satisfies readonly UptakeStatus[];

/** A step down the scale (e.g. in_use → in_progress). Allowed, but it must be explained. */
export function isBackwards(from: UptakeStatus | null | undefined, to: UptakeStatus): boolean {
  return from !== null && from !== undefined && UPTAKE_SCALE.indexOf(to) < UPTAKE_SCALE.indexOf(from);
}

const statusSchema = z.enum(UPTAKE_SCALE, { error: "uptake:validation.status" });
const commentSchema = cleanString()
  .trim()
  .max(2000, { error: "common:validation.tooLong" })
  .optional()
  .transform((v) => v ?? "");

const effectiveDateSchema = dateSchema.refine((d) => d <= osloToday(), { error: "uptake:validation.futureDate" });

function backwardsNeedsComment(
  value: { currentStatus?: UptakeStatus; status: UptakeStatus; comment: string },
  ctx: z.RefinementCtx,
  path: (string | number)[] = [],
) {
  if (isBackwards(value.currentStatus, value.status) && !value.comment) {
    ctx.addIssue({ code: "custom", path: [...path, "comment"], message: "uptake:validation.backwardsNeedsComment" });
  }
}

const benefitRow = z.object({
  benefitId: idSchema,
  amount: cleanString()
    .max(40, { error: "common:validation.tooLong" })
    .optional()
    .refine((v) => !v?.trim() || parseWholeNumber(v) !== null, { error: "measure:validation.wholeNumber" }),
});

/** Realised amounts per expected benefit; a row left blank is not measured. */
const benefitsSchema = z
  .array(benefitRow)
  .max(50)
  .optional()
  .transform((rows) =>
    (rows ?? []).filter((b) => b.amount?.trim()).map((b) => ({ benefitId: b.benefitId, amount: parseWholeNumber(b.amount!)! })),
  );

export const UptakeReportSchema = z
  .object({
    currentStatus: statusSchema.optional(),
    status: statusSchema,
    comment: commentSchema,
    effectiveDate: effectiveDateSchema,
    decisionReference: optionalText(200),
    evidenceUrl: urlSchema.optional().transform((v) => v ?? null),
    realisedBenefitText: optionalText(4000),
    benefits: benefitsSchema,
  })
  .superRefine((value, ctx) => backwardsNeedsComment(value, ctx));
export type UptakeReportInput = z.output<typeof UptakeReportSchema>;

export const BulkUptakeSchema = z
  .object({
    effectiveDate: effectiveDateSchema,
    rows: z
      .array(
        z.object({ measureId: idSchema, currentStatus: statusSchema.optional(), status: statusSchema, comment: commentSchema }),
      )
      .min(1, { error: "uptake:validation.noRows" })
      .max(500),
  })
  .superRefine((value, ctx) => value.rows.forEach((row, i) => backwardsNeedsComment(row, ctx, ["rows", i])));
export type BulkUptakeInput = z.output<typeof BulkUptakeSchema>;

/** The reporter's "we have reported everything in this round". */
export const SubmitRoundSchema = z.object({ roundId: idSchema });
