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

export const emailSchema = cleanString({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }))
  .transform((value) => value.toLowerCase());

export const slugSchema = cleanString({ error: "validation.required" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "validation.slug" })
  .max(60, { error: "validation.tooLong" });

export const municipalityNumberSchema = cleanString().regex(/^\d{4}$/, { error: "validation.municipalityNumber" });

export const languageSchema = z.enum(["nb", "nn", "en"], { error: "validation.language" });

export const cooperationRoleSchema = z.enum(["secretariat", "board", "reporter", "viewer"], {
  error: "validation.role",
});

export const isoDateSchema = z.iso.date({ error: "validation.date" });

export { osloToday } from "./dates";

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  cleanString()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

/** An http(s) address, e.g. a case document or evidence. */
export const urlSchema = cleanString({ error: "validation.required" })
  .trim()
  .max(2000, { error: "validation.tooLong" })
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return u.protocol === "https:" || u.protocol === "http:";
      } catch {
        return false;
      }
    },
    { error: "measure.validation.url" }
  );
