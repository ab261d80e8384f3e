import { z } from "zod";

/*
 * Validation messages are translation keys (see app/i18n/locales/*: `validation.*`), so the
 * same schema serves forms in three languages, the admin CLI and the seeds.
 */

export const emailSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }))
  .transform((value) => value.toLowerCase());

export const slugSchema = z
  .string({ error: "validation.required" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "validation.slug" })
  .max(60, { error: "validation.tooLong" });

export const municipalityNumberSchema = z.string().regex(/^\d{4}$/, { error: "validation.municipalityNumber" });

export const languageSchema = z.enum(["nb", "nn", "en"], { error: "validation.language" });

export const cooperationRoleSchema = z.enum(["secretariat", "board", "reporter", "viewer"], {
  error: "validation.role",
});

export const isoDateSchema = z.iso.date({ error: "validation.date" });

/** Optional free text: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : null));

/** An http(s) address, e.g. a case document or evidence. */
export const urlSchema = z
  .string({ error: "validation.required" })
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
