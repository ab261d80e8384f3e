import { z } from "zod";
import { cleanString, isoDateSchema } from "./common";

/*
 * A decision (vedtak) as the strategy's adoption and the action plan's approval or return record
 * it: which body, when, the case number and the text. One schema for both, so the rules and the
 * messages cannot drift apart.
 */

export const DECISION_BODIES = ["board", "chief_executives", "municipal_council"] as const;

export const requiredDateSchema = cleanString({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .pipe(isoDateSchema);

/** Case numbers such as "21/13" or "2013/45-3"; optional, since not every body numbers its cases. */
export const caseNumberSchema = cleanString()
  .trim()
  .max(40, { error: "validation.tooLong" })
  .regex(/^[0-9A-Za-zÆØÅæøå][0-9A-Za-zÆØÅæøå/\-. ]*$/, { error: "decision.validation.caseNumber" })
  .optional()
  .transform((v) => (v ? v : null));

export const decisionFields = {
  body: z.enum(DECISION_BODIES, { error: "decision.validation.body" }),
  decidedOn: requiredDateSchema,
  caseNumber: caseNumberSchema,
  text: cleanString({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(4000, { error: "validation.tooLong" }),
};
