import { z } from "zod";
import { emailSchema } from "./common";

export const LoginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(1024),
  redirectTo: z.string().optional(),
});

/** Passwords set through the admin CLI. */
export const NewPasswordSchema = z
  .string()
  .min(12, { error: "validation.passwordTooShort" })
  .max(1024, { error: "validation.tooLong" });
