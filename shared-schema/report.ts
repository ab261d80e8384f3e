import { z } from "zod";
import { cleanString } from "./common";

/*
 * The annual status report's forms: start a year's report, write the narrative per section,
 * publish. The sections are listed in app/report/figures.ts (REPORT_SECTIONS).
 */

const versionSchema = z.number({ error: "common:form.staleVersion" }).int().min(1);
const sectionText = cleanString()
  .trim()
  .max(20_000, { error: "common:validation.tooLong" })
  .optional()
  .transform((v) => v ?? "");

export const NarrativeSchema = z.object({
  version: versionSchema,
  summary: sectionText,
  plan: sectionText,
  matrix: sectionText,
  progress: sectionText,
  costs: sectionText,
  benefits: sectionText,
  comments: sectionText,
});

export const CreateReportSchema = z.object({
  year: z.number({ error: "report:validation.year" }).int({ error: "report:validation.year" }).min(2000).max(2100),
});

export const PublishReportSchema = z.object({ version: versionSchema });
