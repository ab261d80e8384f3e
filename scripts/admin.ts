/*
 * `npm run admin -- <command> [options]`: platform administration from the command line.
 * Input is validated with the same shared schemas as the forms. Everything it prints is in the
 * language of --lang (Bokmål by default); on an error the process exits non-zero.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { TFunction } from "i18next";
import type { z } from "zod";
import { connect } from "../db/connect";
import { migrateToLatest } from "../db/migrate";
import { AddMembersSchema, CreateCooperationSchema, CreateUserSchema, GrantRoleSchema } from "@shared-schema/admin";
import { emailSchema } from "@shared-schema/common";
import { AdminError, addMembers, createCooperation, createUser, disableUser, grantRole } from "../app/cooperation/admin.server";
import { PopulationFileError, importPopulation } from "../app/cooperation/population.server";
import { env } from "../app/env.server";
import type { Language } from "../db/schema";
import { isLanguage, textKey } from "../app/i18n/config";
import { formatDate } from "../app/i18n/format";
import { i18nFor } from "../app/i18n/i18n.server";
import { RegisterFileError, isIsoDate, type Named, type RegisterProblem } from "../app/register/register";
import { updateRegister, type RegisterUpdateResult } from "../app/register/update.server";
import { osloToday } from "@shared-schema/dates";

const OPTIONS = {
  lang: { type: "string" },
  help: { type: "boolean" },
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
  file: { type: "string" },
  year: { type: "string" },
  date: { type: "string" },
  changes: { type: "string" },
  apply: { type: "boolean" },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string };

/** A refusal of what was typed: printed with exit code 2. */
class UsageError extends Error {}

/**
 * The command and its options. Parsed leniently so that every refusal can be said in the chosen
 * language (node's own messages are English): the tokens are checked here instead.
 */
function readArguments(argv: string[]) {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    tokens: true,
    allowPositionals: true,
  });
  const lang = values.lang ?? "nb";
  if (!isLanguage(lang)) throw new UsageError(i18nFor("nb").t("adminCli:lang"));
  const { t } = i18nFor(lang);
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = OPTIONS[token.name as keyof typeof OPTIONS];
    if (!option) throw new UsageError(`${t("adminCli:unknownOption", { option: token.rawName })}\n\n${t("adminCli:usage")}`);
    if (option.type === "string" && token.value === undefined)
      throw new UsageError(t("adminCli:missingValue", { option: token.rawName }));
    if (option.type === "boolean" && token.value !== undefined)
      throw new UsageError(t("adminCli:takesNoValue", { option: token.rawName }));
  }
  const [command, ...extra] = positionals;
  if (extra.length) throw new UsageError(t("adminCli:unexpectedArgument", { value: extra[0] }));
  return { command, values: values as Values, t };
}

function validate<S extends z.ZodType>(t: TFunction, schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  --${String(i.path[0] ?? "input")}: ${t(textKey(i.message))}`);
  throw new UsageError(lines.join("\n"));
}

function readPassword(t: TFunction, flag: boolean | undefined): string {
  if (!flag) throw new UsageError("  --password-stdin: " + t("common:validation.required"));
  return readFileSync(0, "utf8").replace(/\r?\n$/, "");
}

function readTextFile(t: TFunction, file: string | undefined, option = "--file"): string {
  if (!file) throw new UsageError(`  ${option}: ${t("common:validation.required")}`);
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new UsageError(t("adminCli:unreadableFile", { file }));
  }
}

function readDate(t: TFunction, date: string | undefined): string {
  if (!date) throw new UsageError("  --date: " + t("common:validation.required"));
  if (!isIsoDate(date)) throw new UsageError("  --date: " + t("common:validation.date"));
  return date;
}

function readYear(t: TFunction, year: string | undefined): number | undefined {
  if (year === undefined) return undefined;
  if (!/^\d{4}$/.test(year)) throw new UsageError(t("adminCli:year"));
  return Number(year);
}

async function main(argv: string[]): Promise<number> {
  const { command, values, t } = readArguments(argv);
  if (command === "help" || values.help) {
    console.log(t("adminCli:usage"));
    return 0;
  }
  if (!command) throw new UsageError(t("adminCli:usage"));
  const db = connect(env().DATABASE_URL);
  try {
    await migrateToLatest(db);
    console.log(await run(db, command, values, t));
    return 0;
  } catch (error) {
    if (error instanceof AdminError) throw new CommandError(t(error.key, error.details as Record<string, unknown>));
    if (error instanceof PopulationFileError) throw new CommandError(populationProblems(t, error));
    if (error instanceof RegisterFileError) throw new CommandError(registerProblems(t, error.problems));
    throw error;
  } finally {
    await db.destroy();
  }
}

/** A command that could not be carried out: printed with exit code 1. */
class CommandError extends Error {}

function populationProblems(t: TFunction, error: PopulationFileError): string {
  const lines = error.problems.map((p) =>
    t("adminCli:population.line", { line: p.line, problem: t(`adminCli:population.${p.key}`, p.details) }),
  );
  return [t("adminCli:population.refused"), ...lines].join("\n");
}

function registerProblems(t: TFunction, problems: RegisterProblem[]): string {
  const lines = problems.map(({ file, line, key, details }) => {
    const problem = t(`adminCli:register.problem.${key}`, details);
    if (file === null) return t("adminCli:register.inRegister", { problem });
    if (line === null) return t("adminCli:register.inFile", { file, problem });
    return t("adminCli:register.atLine", { file, line, problem });
  });
  return [t("adminCli:register.refused"), ...lines].join("\n");
}

/** The update grouped as merged, split, renumbered and renamed, under a line that says what became of it. */
function registerSummary(t: TFunction, lang: Language, date: string, { status, diff }: RegisterUpdateResult): string {
  const day = formatDate(lang, date);
  if (status === "upToDate") return t("adminCli:register.upToDate", { date: day });
  const named = (m: Named) => `${m.number} ${m.name}`;
  const group = (heading: string, lines: string[]) => (lines.length ? [heading, ...lines] : []);
  return [
    status === "applied" ? t("adminCli:register.applied", { date: day }) : t("adminCli:register.dryRun", { date: day }),
    ...group(
      t("adminCli:register.merged", { count: diff.merged.length }),
      diff.merged.map(({ successor, predecessors }) =>
        t("adminCli:register.mergedLine", {
          successor: named(successor),
          predecessors: predecessors
            .map((p) => (p.partial ? t("adminCli:register.part", { municipality: named(p) }) : named(p)))
            .join(", "),
        }),
      ),
    ),
    ...group(
      t("adminCli:register.split", { count: diff.split.length }),
      diff.split.map(({ predecessor, successors }) =>
        t("adminCli:register.splitLine", { predecessor: named(predecessor), successors: successors.map(named).join(", ") }),
      ),
    ),
    ...group(
      t("adminCli:register.renumbered", { count: diff.renumbered.length }),
      diff.renumbered.map(({ from, to }) => t("adminCli:register.renumberedLine", { from: named(from), to: named(to) })),
    ),
    ...group(
      t("adminCli:register.renamed", { count: diff.renamed.length }),
      diff.renamed.map((r) => t("adminCli:register.renamedLine", r)),
    ),
    t("adminCli:register.unchanged", { count: diff.unchanged }),
  ].join("\n");
}

/** Carries out one command and says what it did. */
async function run(db: ReturnType<typeof connect>, command: string, values: Values, t: TFunction): Promise<string> {
  switch (command) {
    case "create-cooperation": {
      const input = validate(t, CreateCooperationSchema, {
        slug: values.slug,
        name: values.name,
        description: values.description,
        legalForm: values["legal-form"],
        hostMunicipality: values.host,
        defaultLanguage: values.language,
      });
      await createCooperation(db, input);
      return t("adminCli:cooperationCreated", { name: input.name, slug: input.slug });
    }
    case "add-members": {
      const input = validate(t, AddMembersSchema, {
        slug: values.slug,
        municipalities: values.municipalities
          ?.split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        joinedOn: values.joined ?? osloToday(),
      });
      await addMembers(db, input);
      return t("adminCli:membersAdded", { count: input.municipalities.length, slug: input.slug });
    }
    case "create-user": {
      const input = validate(t, CreateUserSchema, {
        email: values.email,
        name: values.name,
        password: readPassword(t, values["password-stdin"]),
        platformAdmin: values["platform-admin"] ?? false,
        language: values.language,
      });
      await createUser(db, input);
      return t("adminCli:userCreated", { email: input.email });
    }
    case "grant-role": {
      const input = validate(t, GrantRoleSchema, {
        email: values.email,
        slug: values.slug,
        role: values.role,
        municipality: values.municipality,
      });
      await grantRole(db, input);
      return t("adminCli:roleGranted", { email: input.email, role: input.role, slug: input.slug });
    }
    case "disable-user": {
      const email = validate(t, emailSchema, values.email);
      await disableUser(db, { email });
      return t("adminCli:userDisabled", { email });
    }
    case "import-population": {
      const text = readTextFile(t, values.file);
      const { year, loaded, replaced } = await importPopulation(db, { text, year: readYear(t, values.year) });
      const done = t("adminCli:populationLoaded", { count: loaded, year });
      return replaced ? `${done}\n${t("adminCli:populationReplaced", { count: replaced, year })}` : done;
    }
    case "register-update": {
      const date = readDate(t, values.date);
      const classification = { file: values.file ?? "", text: readTextFile(t, values.file) };
      const changes = { file: values.changes ?? "", text: readTextFile(t, values.changes, "--changes") };
      const result = await updateRegister(db, { date, classification, changes, apply: values.apply ?? false });
      return registerSummary(t, (values.lang ?? "nb") as Language, date, result);
    }
    default:
      throw new UsageError(`${t("adminCli:unknownCommand", { command })}\n\n${t("adminCli:usage")}`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CommandError || error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
