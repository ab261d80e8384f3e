import type { DB } from "../../db/connect";
import type { Language } from "../../db/schema";
import { storedCooperationId, type CooperationId } from "../cooperation/scope.server";
import { isPublishing, PART_COLUMNS, publishedFrom, type Published } from "./parts";

/**
 * A cooperation as an anonymous visitor may see it: handed out only for a cooperation that
 * publishes something, with what it publishes. Public data functions take this, never a slug.
 */
export interface PublicScope {
  cooperationId: CooperationId;
  slug: string;
  name: string;
  defaultLanguage: Language;
  published: Published;
}

function selectPublic(db: DB) {
  return db
    .selectFrom("cooperation")
    .select(["id", "slug", "name", "default_language", ...Object.values(PART_COLUMNS)]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectPublic>["executeTakeFirstOrThrow"]>>;

function toScope(row: Row): PublicScope {
  return {
    cooperationId: storedCooperationId(row.id),
    slug: row.slug,
    name: row.name,
    defaultLanguage: row.default_language,
    published: publishedFrom(row),
  };
}

/** The cooperation at `slug`, if it publishes anything; else null, as for a slug that does not exist. */
export async function findPublicScope(db: DB, slug: string): Promise<PublicScope | null> {
  const row = await selectPublic(db).where("slug", "=", slug).executeTakeFirst();
  if (!row) return null;
  const scope = toScope(row);
  return isPublishing(scope.published) ? scope : null;
}

/** Every cooperation that publishes something. */
export async function listPublicScopes(db: DB): Promise<PublicScope[]> {
  const rows = await selectPublic(db).orderBy("name").execute();
  return rows.map(toScope).filter((scope) => isPublishing(scope.published));
}
