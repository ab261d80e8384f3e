import type { DB } from "../../db/connect";
import type { CooperationRole, Language } from "../../db/schema";
import { byNorwegianName } from "../i18n/collate";

export interface CooperationScope {
  cooperationId: string;
  slug: string;
  name: string;
  defaultLanguage: Language;
  userId: string;
  roles: CooperationRole[];
  /** the municipality a reporter reports for; null for every other role */
  municipalityId: string | null;
}

/**
 * The one place that decides whether a user belongs to a cooperation. Every cooperation
 * query and mutation starts from the scope this returns; undefined means "not a member",
 * which the guards turn into 404 so that a stranger cannot even learn the cooperation exists.
 */
export async function findCooperationScope(
  db: DB,
  { slug, userId }: { slug: string; userId: string }
): Promise<CooperationScope | undefined> {
  const rows = await db
    .selectFrom("cooperation")
    .innerJoin("role_grant", "role_grant.cooperation_id", "cooperation.id")
    .select([
      "cooperation.id",
      "cooperation.slug",
      "cooperation.name",
      "cooperation.default_language",
      "role_grant.role",
      "role_grant.municipality_id",
    ])
    .where("cooperation.slug", "=", slug)
    .where("role_grant.user_id", "=", userId)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return {
    cooperationId: first.id,
    slug: first.slug,
    name: first.name,
    defaultLanguage: first.default_language,
    userId,
    roles: rows.map((r) => r.role),
    municipalityId: rows.find((r) => r.role === "reporter")?.municipality_id ?? null,
  };
}

export interface UserCooperation {
  slug: string;
  name: string;
  roles: CooperationRole[];
  municipalityName: string | null;
}

export async function listUserCooperations(db: DB, userId: string): Promise<UserCooperation[]> {
  const rows = await db
    .selectFrom("role_grant")
    .innerJoin("cooperation", "cooperation.id", "role_grant.cooperation_id")
    .leftJoin("municipality", "municipality.id", "role_grant.municipality_id")
    .select(["cooperation.slug", "cooperation.name", "role_grant.role", "municipality.name as municipality_name"])
    .where("role_grant.user_id", "=", userId)
    .execute();
  const bySlug = new Map<string, UserCooperation>();
  for (const row of rows) {
    const entry = bySlug.get(row.slug) ?? { slug: row.slug, name: row.name, roles: [], municipalityName: null };
    entry.roles.push(row.role);
    entry.municipalityName ??= row.municipality_name;
    bySlug.set(row.slug, entry);
  }
  return [...bySlug.values()].sort(byNorwegianName((c) => c.name));
}
