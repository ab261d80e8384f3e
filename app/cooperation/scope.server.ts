import { sql } from "kysely";
import type { DB } from "../../db/connect";
import type { CooperationRole, Language, WrittenStandard } from "../../db/schema";
import { byNorwegianName } from "../i18n/collate";

declare const checked: unique symbol;

/**
 * A cooperation's id as only a checked source hands it out: the guards' scope (the user is a
 * member) or a job that read the id from the database itself. Every data function takes its
 * cooperation as this type, so an id taken from the URL or a form does not compile there.
 */
export type CooperationId = string & { readonly [checked]: true };

/**
 * For jobs, scripts and tests that read the cooperation from the database themselves, never from
 * a request: the one way besides the guards to obtain a `CooperationId`.
 */
export function storedCooperationId(id: string): CooperationId {
  return id as CooperationId;
}

export interface CooperationScope {
  cooperationId: CooperationId;
  slug: string;
  name: string;
  defaultLanguage: Language;
  userId: string;
  roles: CooperationRole[];
  /** the municipality a reporter reports for; null for every other role */
  municipalityId: string | null;
  municipalityName: string | null;
}

/** A role the user holds in a cooperation: what scopes, the header's list and the page language are made of. */
export interface UserGrant {
  cooperationId: CooperationId;
  slug: string;
  name: string;
  defaultLanguage: Language;
  role: CooperationRole;
  municipalityId: string | null;
  municipalityName: string | null;
  writtenStandard: WrittenStandard | null;
}

/**
 * Every role the user holds, in every cooperation (a handful of rows): one query, read on every
 * page load. Written as SQL because Kysely's builder would build and compile it anew each time,
 * which in a page request costs more than running it (decision 013).
 */
export async function listUserGrants(db: DB, userId: string): Promise<UserGrant[]> {
  const { rows } = await sql<{
    cooperation_id: string;
    slug: string;
    name: string;
    default_language: Language;
    role: CooperationRole;
    municipality_id: string | null;
    municipality_name: string | null;
    written_standard: WrittenStandard | null;
  }>`
    select cooperation.id as cooperation_id, cooperation.slug, cooperation.name, cooperation.default_language,
      role_grant.role, role_grant.municipality_id, municipality.name as municipality_name, municipality.written_standard
    from role_grant
    join cooperation on cooperation.id = role_grant.cooperation_id
    left join municipality on municipality.id = role_grant.municipality_id
    where role_grant.user_id = ${userId}`.execute(db);
  return rows.map((r) => ({
    cooperationId: storedCooperationId(r.cooperation_id),
    slug: r.slug,
    name: r.name,
    defaultLanguage: r.default_language,
    role: r.role,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    writtenStandard: r.written_standard,
  }));
}

/**
 * The one place that decides whether a user belongs to a cooperation. Every cooperation
 * query and mutation starts from the scope this returns; undefined means "not a member",
 * which the guards turn into 404 so that a stranger cannot even learn the cooperation exists.
 */
export function scopeFromGrants(
  grants: UserGrant[],
  { slug, userId }: { slug: string; userId: string },
): CooperationScope | undefined {
  const own = grants.filter((g) => g.slug === slug);
  const first = own[0];
  if (!first) return undefined;
  const reporter = own.find((g) => g.role === "reporter");
  return {
    cooperationId: first.cooperationId,
    slug: first.slug,
    name: first.name,
    defaultLanguage: first.defaultLanguage,
    userId,
    roles: own.map((g) => g.role),
    municipalityId: reporter?.municipalityId ?? null,
    municipalityName: reporter?.municipalityName ?? null,
  };
}

export interface UserCooperation {
  slug: string;
  name: string;
  roles: CooperationRole[];
  municipalityName: string | null;
}

export function cooperationsFromGrants(grants: UserGrant[]): UserCooperation[] {
  const bySlug = new Map<string, UserCooperation>();
  for (const grant of grants) {
    const entry = bySlug.get(grant.slug) ?? { slug: grant.slug, name: grant.name, roles: [], municipalityName: null };
    entry.roles.push(grant.role);
    entry.municipalityName ??= grant.municipalityName;
    bySlug.set(grant.slug, entry);
  }
  return [...bySlug.values()].sort(byNorwegianName((c) => c.name));
}

export async function listUserCooperations(db: DB, userId: string): Promise<UserCooperation[]> {
  return cooperationsFromGrants(await listUserGrants(db, userId));
}
