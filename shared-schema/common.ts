import { z } from "zod";

/** C0 and C1 control characters but tab and line feed: NUL and escape codes have no place in a text. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** A form's text as stored: line breaks as `\n` (a browser sends `\r\n`), control characters removed. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "");
}

/** The string every schema starts from, so that no field stores control characters. */
export const cleanString = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(cleanText);

/*
 * Validation messages are translation keys (see app/i18n/locales/*: `validation.*`), so the
 * same schema serves forms in three languages, the admin CLI and the seeds.
 */

export const emailSchema = cleanString({ error: "common:validation.required" })
  .trim()
  .min(1, { error: "common:validation.required" })
  .max(254, { error: "common:validation.tooLong" })
  .pipe(z.email({ error: "common:validation.email" }))
  .transform((value) => value.toLowerCase());

export const slugSchema = cleanString({ error: "common:validation.required" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "common:validation.slug" })
  .max(60, { error: "common:validation.tooLong" });

export const municipalityNumberSchema = cleanString().regex(/^\d{4}$/, { error: "common:validation.municipalityNumber" });

export const languageSchema = z.enum(["nb", "nn", "en"], { error: "common:validation.language" });

export const cooperationRoleSchema = z.enum(["secretariat", "board", "reporter", "viewer"], {
  error: "common:validation.role",
});

export const isoDateSchema = z.iso.date({ error: "common:validation.date" });

/*
 * The primitives every form shares. Each is defined here once, so a year, an amount or a row's
 * version is read and refused the same way in every form, and with the same message.
 */

/** A date that must be given, as yyyy-mm-dd. */
export const dateSchema = cleanString({ error: "common:validation.required" })
  .trim()
  .min(1, { error: "common:validation.required" })
  .pipe(isoDateSchema);

/** A row's id as a form carries it (a UUID; 64 leaves room for any id the seeds give). */
export const idSchema = cleanString({ error: "common:validation.required" })
  .min(1, { error: "common:validation.required" })
  .max(64, { error: "common:validation.invalid" });

/**
 * The row version the form was built from (optimistic concurrency). A missing or broken one is
 * answered like a stale one: the form is reloaded with what is stored.
 */
export const versionSchema = z
  .number({ error: "common:form.staleVersion" })
  .int({ error: "common:form.staleVersion" })
  .min(1, { error: "common:form.staleVersion" });

/** The years the portal plans, reports and shares costs for. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const yearSchema = z
  .number({ error: "common:validation.year" })
  .int({ error: "common:validation.year" })
  .min(MIN_YEAR, { error: "common:validation.year" })
  .max(MAX_YEAR, { error: "common:validation.year" });

/** A year named in an address (`/plans/2025`, `?year=2025`): four digits in range, else null. */
export function parseYear(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = yearSchema.safeParse(Number(value));
  return year.success ? year.data : null;
}

/** A whole number in a range, with one message for every way it can be wrong. */
export const wholeNumber = (min: number, max: number, error: string) =>
  z.number({ error }).int({ error }).min(min, { error }).max(max, { error });

const MAX_ORE = 1_000_000_000_000_00; // 1 000 milliardar kroner: far beyond any amount, far below 2^53

/** The spaces people type, paste or get from a formatted number between digit groups. */
export const DIGIT_SPACES = /[\s\u00a0\u202f]/g;

/** Norwegian NOK input ("1 250 000,50", "kr 12.500", "1.250.000,-") → øre, or null when it is not an amount. */
export function parseNok(input: string): number | null {
  let s = input
    .replace(DIGIT_SPACES, "")
    .replace(/^(kr\.?|nok)/i, "")
    .replace(/(kr\.?|nok)$/i, "")
    .replace(/,-$/, "");
  if (s === "" || s.startsWith("-")) return null;
  let kroner: string;
  let ore = "";
  if (s.includes(",")) {
    // comma is the decimal separator; dots may group thousands
    const [whole, fraction, ...rest] = s.split(",");
    if (rest.length) return null;
    if (whole.includes(".") && !/^\d{1,3}(\.\d{3})+$/.test(whole)) return null;
    kroner = whole.replace(/\./g, "");
    ore = fraction;
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    kroner = s.replace(/\./g, "");
  } else {
    const [whole, fraction, ...rest] = s.split(".");
    if (rest.length) return null;
    kroner = whole;
    ore = fraction ?? "";
  }
  if (!/^\d+$/.test(kroner) || !/^\d{0,2}$/.test(ore)) return null;
  s = kroner.replace(/^0+(?=\d)/, "");
  const value = Number(s) * 100 + Number(ore.padEnd(2, "0") || "0");
  return Number.isSafeInteger(value) && value <= MAX_ORE ? value : null;
}

/** Øre → the text a Norwegian form shows back ("1 250 000" or "1 250 000,50"). */
export function formatNokInput(ore: number): string {
  const kroner = Math.floor(ore / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const rest = ore % 100;
  return rest ? `${kroner},${String(rest).padStart(2, "0")}` : kroner;
}

/** An amount in NOK typed the Norwegian way, kept in øre; left empty it is 0. */
export const nokSchema = cleanString()
  .max(40, { error: "common:validation.nok" })
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === "") return 0;
    const ore = parseNok(v);
    if (ore === null) {
      ctx.addIssue({ code: "custom", message: "common:validation.nok" });
      return z.NEVER;
    }
    return ore;
  });

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  cleanString()
    .trim()
    .max(max, { error: "common:validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

/** An http(s) address, e.g. a case document or evidence. */
export const urlSchema = cleanString({ error: "common:validation.required" })
  .trim()
  .max(2000, { error: "common:validation.tooLong" })
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return u.protocol === "https:" || u.protocol === "http:";
      } catch {
        return false;
      }
    },
    { error: "measure:validation.url" },
  );
