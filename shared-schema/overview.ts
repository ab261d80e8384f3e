import { z } from "zod";
import { idSchema, versionSchema, wholeNumber } from "./common";

/*
 * The secretariat's weights of measures in the progress per focus area (default 1 each). Each
 * row carries the measure's `version`, so a weight saved over someone else's change is refused.
 */
export const WeightsSchema = z.object({
  rows: z
    .array(
      z.object({
        measureId: idSchema,
        version: versionSchema,
        weight: wholeNumber(0, 100, "overview:validation.weight"),
      }),
    )
    .min(1),
});
export type WeightsInput = z.output<typeof WeightsSchema>;
