import { randomUUID } from "node:crypto";
import type { DB } from "../../db/connect";
import type { CooperationRole, Language } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { hashPassword } from "../auth/password.server";
import { endAllSessions } from "../auth/auth.server";
import { byNorwegianName } from "../i18n/collate";
import type { TextKey } from "../i18n/config";
import { transact } from "../utils/concurrency.server";
import { osloToday } from "@shared-schema/dates";
import { storedCooperationId, type CooperationId } from "./scope.server";

/*
 * Platform administration: what `npm run admin` and the demo seed do. Every function checks
 * its own preconditions and throws AdminError with a message key and details, so the CLI can
 * print a clear error and exit non-zero.
 */

export class AdminError extends Error {
  constructor(
    readonly key: TextKey,
    readonly details: Record<string, string> = {},
  ) {
    super(`${key} ${JSON.stringify(details)}`);
  }
}

const now = () => new Date().toISOString();

async function municipalityIdByNumber(db: DB, number: string, onDate: string): Promise<string> {
  const row = await db
    .selectFrom("municipality")
    .select("id")
    .where("number", "=", number)
    .where("valid_from", "<=", onDate)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", onDate)]))
    .executeTakeFirst();
  if (!row) throw new AdminError("common:admin.unknownMunicipality", { number, date: onDate });
  return row.id;
}

async function cooperationIdBySlug(db: DB, slug: string): Promise<CooperationId> {
  const row = await db.selectFrom("cooperation").select("id").where("slug", "=", slug).executeTakeFirst();
  if (!row) throw new AdminError("common:admin.unknownCooperation", { slug });
  return storedCooperationId(row.id);
}

async function userIdByEmail(db: DB, email: string): Promise<string> {
  const row = await db.selectFrom("app_user").select("id").where("email", "=", email.toLowerCase()).executeTakeFirst();
  if (!row) throw new AdminError("common:admin.unknownUser", { email });
  return row.id;
}

export async function createCooperation(
  db: DB,
  input: {
    slug: string;
    name: string;
    description?: string;
    legalForm?: string;
    hostMunicipality?: string;
    defaultLanguage?: Language;
    actorId?: string | null;
    onDate?: string;
  },
): Promise<string> {
  const existing = await db.selectFrom("cooperation").select("id").where("slug", "=", input.slug).executeTakeFirst();
  if (existing) throw new AdminError("common:admin.duplicateSlug", { slug: input.slug });
  const hostId = input.hostMunicipality
    ? await municipalityIdByNumber(db, input.hostMunicipality, input.onDate ?? osloToday())
    : null;
  const id = storedCooperationId(randomUUID());
  const row = {
    id,
    slug: input.slug,
    name: input.name,
    description: input.description ?? "",
    legal_form: input.legalForm ?? null,
    host_municipality_id: hostId,
    default_language: input.defaultLanguage ?? "nb",
    created_at: now(),
    updated_at: now(),
  };
  await transact(db, async (trx) => {
    await trx.insertInto("cooperation").values(row).execute();
    await recordAudit(trx, {
      cooperationId: id,
      actorId: input.actorId ?? null,
      action: "cooperation.created",
      entityType: "cooperation",
      entityId: id,
      after: row,
    });
  });
  return id;
}

/** Adds member municipalities by number, as valid on the joining date. */
export async function addMembers(
  db: DB,
  input: { slug: string; municipalities: string[]; joinedOn: string; actorId?: string | null },
): Promise<void> {
  const cooperationId = await cooperationIdBySlug(db, input.slug);
  const ids: string[] = [];
  for (const number of input.municipalities) ids.push(await municipalityIdByNumber(db, number, input.joinedOn));
  await transact(db, async (trx) => {
    for (const municipalityId of ids) {
      const current = await trx
        .selectFrom("membership")
        .select("id")
        .where("cooperation_id", "=", cooperationId)
        .where("municipality_id", "=", municipalityId)
        .where("left_on", "is", null)
        .executeTakeFirst();
      if (current) continue;
      const row = { id: randomUUID(), cooperation_id: cooperationId, municipality_id: municipalityId, joined_on: input.joinedOn };
      await trx.insertInto("membership").values(row).execute();
      await recordAudit(trx, {
        cooperationId,
        actorId: input.actorId ?? null,
        action: "membership.created",
        entityType: "membership",
        entityId: row.id,
        after: row,
      });
    }
  });
}

export async function createUser(
  db: DB,
  input: { email: string; name: string; password: string; platformAdmin?: boolean; language?: Language; actorId?: string | null },
): Promise<string> {
  const email = input.email.toLowerCase();
  const existing = await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) throw new AdminError("common:admin.duplicateUser", { email });
  const id = randomUUID();
  const row = {
    id,
    email,
    name: input.name,
    password_hash: await hashPassword(input.password),
    is_platform_admin: input.platformAdmin ? (1 as const) : (0 as const),
    language: input.language ?? null,
    created_at: now(),
  };
  await transact(db, async (trx) => {
    await trx.insertInto("app_user").values(row).execute();
    const { password_hash: _, ...visible } = row;
    await recordAudit(trx, {
      cooperationId: null,
      actorId: input.actorId ?? null,
      action: "user.created",
      entityType: "user",
      entityId: id,
      after: visible,
    });
  });
  return id;
}

/** Grants a role in a cooperation; a reporter's municipality must be a current member. */
export async function grantRole(
  db: DB,
  input: { email: string; slug: string; role: CooperationRole; municipality?: string; actorId?: string | null },
): Promise<void> {
  const userId = await userIdByEmail(db, input.email);
  const cooperationId = await cooperationIdBySlug(db, input.slug);
  let municipalityId: string | null = null;
  if (input.role === "reporter") {
    if (!input.municipality) throw new AdminError("common:validation.reporterNeedsMunicipality");
    // The number is looked up among the cooperation's current members, so a number that
    // was reused after a merger cannot bind the reporter to the wrong municipality.
    const member = await db
      .selectFrom("membership")
      .innerJoin("municipality", "municipality.id", "membership.municipality_id")
      .select("municipality.id")
      .where("membership.cooperation_id", "=", cooperationId)
      .where("municipality.number", "=", input.municipality)
      .where("membership.left_on", "is", null)
      .executeTakeFirst();
    if (!member) throw new AdminError("common:admin.notAMember", { number: input.municipality, slug: input.slug });
    municipalityId = member.id;
  } else if (input.municipality) {
    throw new AdminError("common:admin.municipalityOnlyForReporters");
  }
  const existing = await db
    .selectFrom("role_grant")
    .select("id")
    .where("user_id", "=", userId)
    .where("cooperation_id", "=", cooperationId)
    .where("role", "=", input.role)
    .executeTakeFirst();
  if (existing) throw new AdminError("common:admin.duplicateRole", { email: input.email, slug: input.slug, role: input.role });
  const row = {
    id: randomUUID(),
    user_id: userId,
    cooperation_id: cooperationId,
    role: input.role,
    municipality_id: municipalityId,
    created_at: now(),
  };
  await transact(db, async (trx) => {
    await trx.insertInto("role_grant").values(row).execute();
    await recordAudit(trx, {
      cooperationId,
      actorId: input.actorId ?? null,
      action: "role.granted",
      entityType: "role_grant",
      entityId: row.id,
      after: row,
    });
  });
}

/** Disabling keeps the account for the audit trail but ends its sessions at once. */
export async function disableUser(db: DB, input: { email: string; actorId?: string | null }): Promise<void> {
  const userId = await userIdByEmail(db, input.email);
  const at = now();
  await transact(db, async (trx) => {
    await trx.updateTable("app_user").set({ disabled_at: at }).where("id", "=", userId).execute();
    await recordAudit(trx, {
      cooperationId: null,
      actorId: input.actorId ?? null,
      action: "user.disabled",
      entityType: "user",
      entityId: userId,
      after: { disabled_at: at },
    });
  });
  await endAllSessions(db, userId);
}

export async function listCooperationsForAdmin(db: DB) {
  const rows = await db
    .selectFrom("cooperation")
    .select((eb) => [
      "cooperation.slug",
      "cooperation.name",
      eb
        .selectFrom("membership")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("membership.cooperation_id", "=", "cooperation.id")
        .where("membership.left_on", "is", null)
        .as("members"),
      eb
        .selectFrom("role_grant")
        .select((e) => e.fn.count<number>("role_grant.user_id").distinct().as("n"))
        .whereRef("role_grant.cooperation_id", "=", "cooperation.id")
        .as("users"),
    ])
    .execute();
  return rows
    .map((r) => ({ slug: r.slug, name: r.name, members: Number(r.members ?? 0), users: Number(r.users ?? 0) }))
    .sort(byNorwegianName((r) => r.name));
}
