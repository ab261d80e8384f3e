import { z } from "zod";
import { NewPasswordSchema } from "./auth";
import {
  cleanString,
  cooperationRoleSchema,
  emailSchema,
  isoDateSchema,
  languageSchema,
  municipalityNumberSchema,
  slugSchema,
} from "./common";

export const CreateCooperationSchema = z.object({
  slug: slugSchema,
  name: cleanString().trim().min(2, { error: "common:validation.required" }).max(200, { error: "common:validation.tooLong" }),
  description: cleanString().trim().max(4000).default(""),
  legalForm: cleanString().trim().max(200).optional(),
  hostMunicipality: municipalityNumberSchema.optional(),
  defaultLanguage: languageSchema.default("nb"),
});

export const AddMembersSchema = z.object({
  slug: slugSchema,
  municipalities: z.array(municipalityNumberSchema).min(1, { error: "common:validation.required" }),
  joinedOn: isoDateSchema,
});

export const CreateUserSchema = z.object({
  email: emailSchema,
  name: cleanString().trim().min(1, { error: "common:validation.required" }).max(200, { error: "common:validation.tooLong" }),
  password: NewPasswordSchema,
  platformAdmin: z.boolean().default(false),
  language: languageSchema.optional(),
});

export const GrantRoleSchema = z
  .object({
    email: emailSchema,
    slug: slugSchema,
    role: cooperationRoleSchema,
    municipality: municipalityNumberSchema.optional(),
  })
  .refine((v) => (v.role === "reporter") === (v.municipality !== undefined), {
    error: "common:validation.reporterNeedsMunicipality",
    path: ["municipality"],
  });
