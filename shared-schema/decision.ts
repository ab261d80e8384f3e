import { z } from "zod";
import { cleanString, dateSchema } from "./common";
import { osloToday } from "./dates";

/*
 * A decision (vedtak) as the strategy's adoption and the action plan's approval or return record
 * it: which body, when, the case number and the text. One schema for both, so the rules and the
 * messages cannot drift apart.
 */

export const DECISION_BODIES = ["board", "chief_executives", "municipal_council"] as const;

/**
 * A decision is recorded once it is made: a past date is an earlier decision entered after the
 * fact, a future one a typing error.
 */
export const decidedOnSchema = dateSchema.refine((d) => d <= osloToday(), { error: "decision:validation.futureDate" });

/*
 * Case numbers as municipal archives write them: number/two-digit year ("14/15") or four-digit
 * year/number ("2015/1234"), either with the document number after a hyphen ("2013/45-3").
 */
const CASE_NUMBER = /^(?:\d{1,6}\/\d{2}|(?:19|20)\d{2}\/\d{1,6})(?:-\d{1,4})?$/;

/** Optional, since not every body numbers its cases; spaces around "/" and "-" are dropped. */
export const caseNumberSchema = cleanString()
  .trim()
  .max(40, { error: "common:validation.tooLong" })
  .transform((v) => v.replace(/\s*([/-])\s*/g, "$1"))
  .refine((v) => v === "" || CASE_NUMBER.test(v), { error: "decision:validation.caseNumber" })
  .optional()
  .transform((v) => (v ? v : null));

/** Shorter than this is not the text of a decision ("x", "ok"); "Planen er godkjend." is enough. */
export const DECISION_TEXT_MIN = 10;

export const decisionFields = {
  body: z.enum(DECISION_BODIES, { error: "decision:validation.body" }),
  decidedOn: decidedOnSchema,
  caseNumber: caseNumberSchema,
  text: cleanString({ error: "common:validation.required" })
    .trim()
    .min(1, { error: "common:validation.required", abort: true })
    .min(DECISION_TEXT_MIN, { error: "decision:validation.textTooShort" })
    .max(4000, { error: "common:validation.tooLong" }),
};
