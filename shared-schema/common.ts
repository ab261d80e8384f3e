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

// Swedish writes dates as ISO (yyyy-mm-dd); made once, as making a formatter is the costly part
const OSLO_ISO_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" });

/** Today's date in Norway, as yyyy-mm-dd. */
export function osloToday(now = new Date()): string {
  return OSLO_ISO_DATE.format(now);
}

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
    { error: "measure:validation.url" }
  );
