import { z } from "zod";
import { cleanString, dateSchema, idSchema } from "./common";
import { osloToday } from "./dates";

/*
 * Reporting-round forms. The cooperation and the acting user come from the session; the
 * municipality named in the secretariat's forms is checked against the round's members.
 */

export const OpenRoundSchema = z
  .object({
    name: cleanString({ error: "common:validation.required" })
      .trim()
      .min(1, { error: "common:validation.required" })
      .max(200, { error: "common:validation.tooLong" }),
    statusDate: dateSchema,
    deadline: dateSchema.refine((d) => d >= osloToday(), { error: "round:validation.deadlinePast" }),
    reminderDaysBefore: z
      .number({ error: "round:validation.reminderDays" })
      .int({ error: "round:validation.reminderDays" })
      .min(0, { error: "round:validation.reminderDays" })
      .max(60, { error: "round:validation.reminderDays" })
      .optional()
      .transform((v) => v ?? null),
    measures: z.array(idSchema, { error: "round:validation.measures" }).min(1, { error: "round:validation.measures" }),
  })
  // asking on the deadline day for the status some day after it would make every answer a guess
  .refine((r) => r.statusDate <= r.deadline, { path: ["statusDate"], error: "round:validation.statusDateAfterDeadline" });
export type OpenRoundInput = z.output<typeof OpenRoundSchema>;

/** The secretariat's actions on one round. */
export const RoundActionSchema = z.discriminatedUnion("intent", [
  /** no municipality: everyone who has not submitted */
  z.object({ intent: z.literal("remind"), municipalityId: idSchema.optional() }),
  z.object({
    intent: z.literal("return"),
    municipalityId: idSchema,
    comment: cleanString({ error: "round:validation.returnComment" })
      .trim()
      .min(1, { error: "round:validation.returnComment" })
      .max(2000, { error: "common:validation.tooLong" }),
  }),
  z.object({ intent: z.literal("close") }),
]);
export type RoundActionInput = z.output<typeof RoundActionSchema>;
