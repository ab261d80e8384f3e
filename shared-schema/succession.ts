import { z } from "zod";
import { idSchema, isoDateSchema } from "./common";

/** The secretariat's actions on the changes of the municipal map. */
export const SuccessionActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("carry"), date: isoDateSchema }),
  z.object({ intent: z.literal("confirm"), grantId: idSchema }),
]);
