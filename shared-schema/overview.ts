import { z } from "zod";
import { cleanString } from "./common";

/*
 * The secretariat's weights of measures in the progress per focus area (default 1 each). Each
 * row carries the measure's `version`, so a weight saved over someone else's change is refused.
 */
export const WeightsSchema = z.object({
  rows: z
    .array(
      z.object({
        measureId: cleanString().min(1).max(64),
        version: z.number({ error: "common:form.staleVersion" }).int().min(1),
        weight: z
          .number({ error: "overview:validation.weight" })
          .int({ error: "overview:validation.weight" })
          .min(0, { error: "overview:validation.weight" })
          .max(100, { error: "overview:validation.weight" }),
      })
    )
    .min(1),
});
export type WeightsInput = z.output<typeof WeightsSchema>;
