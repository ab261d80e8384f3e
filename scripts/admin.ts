/*
 * `npm run admin -- <command> [options]`: platform administration from the command line.
 * Input is validated with the same shared schemas as the forms; errors are printed in Bokmål
 * (or FELLESLOFT_LANG=nn|en) and the process exits non-zero.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { connect } from "../db/connect";
import { migrateToLatest } from "../db/migrate";
import { AddMembersSchema, CreateCooperationSchema, CreateUserSchema, GrantRoleSchema } from "@shared-schema/admin";
import { emailSchema } from "@shared-schema/common";
import { AdminError, addMembers, createCooperation, createUser, disableUser, grantRole } from "../app/cooperation/admin.server";
import { env } from "../app/env.server";
import { i18nFor, isLanguage } from "../app/i18n/config";

const USAGE = `Fellesløft administration

  npm run admin -- create-cooperation --slug <slug> --name <name> [--description <text>]
                   [--legal-form <text>] [--host <municipality no.>] [--language nb|nn|en]
  npm run admin -- add-members --slug <slug> --municipalities <no.,no.,…> [--joined <YYYY-MM-DD>]
  npm run admin -- create-user --email <e-mail> --name <name> --password-stdin
                   [--platform-admin] [--language nb|nn|en]
  npm run admin -- grant-role --email <e-mail> --slug <slug> --role secretariat|board|reporter|viewer
                   [--municipality <no.>]   (reporters only, and required for them)
  npm run admin -- disable-user --email <e-mail>

The database is DATABASE_URL (default data/fellesloft.sqlite). The password is read from
standard input so it never shows in the process list or shell history.`;

const lang = process.env.FELLESLOFT_LANG;
const { t } = i18nFor(isLanguage(lang) ? lang : "nb");

class UsageError extends Error {}

function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  --${String(i.path[0] ?? "input")}: ${t(i.message)}`);
  throw new UsageError(lines.join("\n"));
}

function readPassword(flag: boolean | undefined): string {
  if (!flag) throw new UsageError("  --password-stdin: " + t("validation.required"));
  return readFileSync(0, "utf8").replace(/\r?\n$/, "");
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      slug: { type: "string" },
      name: { type: "string" },
      description: { type: "string" },
      "legal-form": { type: "string" },
      host: { type: "string" },
      language: { type: "string" },
      municipalities: { type: "string" },
      joined: { type: "string" },
      email: { type: "string" },
      "password-stdin": { type: "boolean" },
      "platform-admin": { type: "boolean" },
      role: { type: "string" },
      municipality: { type: "string" },
    },
    strict: true,
  });

  const db = connect(env().DATABASE_URL);
  try {
    await migrateToLatest(db);
    switch (command) {
      case "create-cooperation": {
        const input = validate(CreateCooperationSchema, {
          slug: values.slug,
          name: values.name,
          description: values.description,
          legalForm: values["legal-form"],
          hostMunicipality: values.host,
          defaultLanguage: values.language,
        });
        await createCooperation(db, input);
        console.log(t("admin.cliCooperationCreated", { name: input.name, slug: input.slug }));
        return 0;
      }
      case "add-members": {
        const input = validate(AddMembersSchema, {
          slug: values.slug,
          municipalities: values.municipalities
            ?.split(",")
            .map((s) => s.trim())
            .filter(Boolean),
          joinedOn: values.joined ?? new Date().toISOString().slice(0, 10),
        });
        await addMembers(db, input);
        console.log(t("admin.cliMembersAdded", { count: input.municipalities.length, slug: input.slug }));
        return 0;
      }
      case "create-user": {
        const input = validate(CreateUserSchema, {
          email: values.email,
          name: values.name,
          password: readPassword(values["password-stdin"]),
          platformAdmin: values["platform-admin"] ?? false,
          language: values.language,
        });
        await createUser(db, input);
        console.log(t("admin.cliUserCreated", { email: input.email }));
        return 0;
      }
      case "grant-role": {
        const input = validate(GrantRoleSchema, {
          email: values.email,
          slug: values.slug,
          role: values.role,
          municipality: values.municipality,
        });
        await grantRole(db, input);
        console.log(t("admin.cliRoleGranted", { email: input.email, role: input.role, slug: input.slug }));
        return 0;
      }
      case "disable-user": {
        const email = validate(emailSchema, values.email);
        await disableUser(db, { email });
        console.log(t("admin.cliUserDisabled", { email }));
        return 0;
      }
      default:
        throw new UsageError(`${t("admin.cliUnknownCommand", { command })}\n\n${USAGE}`);
    }
  } finally {
    await db.destroy();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof AdminError) {
    console.error(t(error.key, error.details));
    process.exitCode = 1;
  } else if (error instanceof UsageError) {
    console.error(error.message);
    process.exitCode = 2;
  } else if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
