import { z } from "zod";
import { cleanString, emailSchema, optionalText, urlSchema, versionSchema } from "./common";

/** Brønnøysundregistrene's weights for the first eight digits of an organisation number. */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * Whether a value is a Norwegian organisation number: nine digits, the last a modulus-11 check
 * digit. A remainder that would call for a check digit of 10 is never issued, so such numbers are
 * invalid whatever their last digit.
 */
export function isOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * digits[i], 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === digits[8];
}

/** Nine digits, spaces allowed between groups as people write them ("942 952 880"); empty is null. */
const organisationNumberSchema = cleanString()
  .max(20, { error: "publication:validation.organisationNumber" })
  .optional()
  .transform((v, ctx) => {
    const digits = (v ?? "").replace(/[\s\u00a0\u202f]/g, "");
    if (digits === "") return null;
    if (!isOrganisationNumber(digits)) {
      ctx.addIssue({ code: "custom", message: "publication:validation.organisationNumber" });
      return z.NEVER;
    }
    return digits;
  });

const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal("").transform(() => null), schema])
    .optional()
    .transform((v) => v ?? null);

/** What the settings page offers to publish, in the order it shows them; the same list as the public guard's. */
export const PUBLIC_PARTS = ["strategy", "plan", "matrix", "reports", "data"] as const;
export type PublicPart = (typeof PUBLIC_PARTS)[number];

export const PublicationSettingsSchema = z.object({
  parts: z.array(z.enum(PUBLIC_PARTS, { error: "common:validation.invalid" })).default([]),
  organisationNumber: organisationNumberSchema,
  contactName: optionalText(200),
  contactEmail: optional(emailSchema),
  accessibilityStatementUrl: optional(urlSchema),
  version: versionSchema,
});
export type PublicationSettingsInput = Omit<z.output<typeof PublicationSettingsSchema>, "version">;
