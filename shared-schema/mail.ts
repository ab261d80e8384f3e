import { z } from "zod";
import { idSchema } from "./common";

/** The mail page's "send again" button on a failed message. */
export const RequeueMailSchema = z.object({ intent: z.literal("requeue"), messageId: idSchema });
