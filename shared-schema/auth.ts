import { z } from "zod";
import { cleanString, emailSchema } from "./common";

export const LoginSchema = z.object({
  email: emailSchema,
  password: cleanString({ error: "common:validation.required" }).min(1, { error: "common:validation.required" }).max(1024),
  redirectTo: cleanString().optional(),
});

/** Passwords set through the admin CLI. */
export const NewPasswordSchema = cleanString()
  .min(12, { error: "common:validation.passwordTooShort" })
  .max(1024, { error: "common:validation.tooLong" });
