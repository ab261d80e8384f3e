import { z } from "zod";
import { cleanString, versionSchema, yearSchema } from "./common";

/*
 * The annual status report's forms: start a year's report, write the narrative per section,
 * publish. The sections are listed in app/report/figures.ts (REPORT_SECTIONS).
 */

const sectionText = cleanString()
  .trim()
  .max(20_000, { error: "common:validation.tooLong" })
  .optional()
  .transform((v) => v ?? "");

const NarrativeSchema = z.object({
  intent: z.literal("save"),
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
  year: yearSchema,
});

export const PublishReportSchema = z.object({ intent: z.literal("publish"), version: versionSchema });

/** The draft report's two forms: save the narrative, publish. */
export const ReportActionSchema = z.discriminatedUnion("intent", [NarrativeSchema, PublishReportSchema]);
