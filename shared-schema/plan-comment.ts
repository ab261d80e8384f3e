import { z } from "zod";
import { cleanString, idSchema } from "./common";

/*
 * The input round's forms. Messages are translation keys. The municipality a
 * comment is given for is never a field: the server takes it from the reporter's role grant.
 */

export const PLAN_COMMENT_MAX = 4000;

/** A comment on the plan as a whole (no `itemId`) or on one of its items. */
export const PlanCommentSchema = z.object({
  intent: z.literal("comment").optional(),
  itemId: cleanString()
    .trim()
    .max(64, { error: "planComments:validation.item" })
    .optional()
    .transform((v) => (v ? v : null)),
  body: cleanString({ error: "planComments:validation.bodyRequired" })
    .trim()
    .min(1, { error: "planComments:validation.bodyRequired" })
    .max(PLAN_COMMENT_MAX, { error: "common:validation.tooLong" }),
});

/** The secretariat's "mark as handled" / "undo" buttons. */
export const CommentHandledSchema = z.object({
  intent: z.enum(["markHandled", "markUnhandled"]),
  commentId: idSchema,
});
