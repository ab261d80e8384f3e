/*
 * The route manifest of the production build, and what the isolation matrix needs to aim every
 * route at data the caller must not reach: URL patterns composed from the route tree, a table
 * that resolves each URL parameter from the database for a *target* cooperation (a foreign one,
 * or for the "other municipality" case the caller's own cooperation with a municipality the caller
 * does not report for), and a digest of every table to prove that nothing was written.
 *
 * A new route joins the matrix by existing in the build. A new URL parameter must be added to
 * PARAM_TABLE below; until then the matrix fails and names the route and the parameter.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import type { DB } from "../../db/connect";

// ---------------------------------------------------------------------------------------------
// The manifest

/** Where a route sits in the isolation model. */
export type RouteKind =
  /** `/c/:slug/…`: members only; strangers get 404 */
  | "tenant"
  /**
   * `/public`, `/public/:slug/…`, the read API under `/api`, and the sitemap and robots.txt that
   * point to them: what cooperations choose to publish; read-only for everyone
   */
  | "published"
  /** `/admin…`: platform administrators only; everyone else gets 404 */
  | "admin"
  /** everything else: no cooperation's data for anyone who is not a member */
  | "public";

export interface ManifestRoute {
  id: string;
  parentId: string | undefined;
  /** the full URL pattern, e.g. `/c/:slug` for `routes/c.$slug._index` */
  pattern: string;
  /** the pattern a request is sent to (a pathless layout is reached through a descendant) */
  requestPattern: string;
  /** URL parameters in the order they appear (`*` for a splat) */
  params: string[];
  index: boolean;
  /** neither a path nor an index: a layout that adds no URL segment */
  pathless: boolean;
  hasLoader: boolean;
  hasAction: boolean;
  hasComponent: boolean;
  kind: RouteKind;
}

type BuildRoute = ServerBuild["routes"][string];

const PARAM_PATTERN = /:([\w-]+)(\?)?/g;

export function patternParams(pattern: string): string[] {
  const names = [...pattern.matchAll(PARAM_PATTERN)].map((m) => m[1]);
  if (pattern.split("/").includes("*")) names.push("*");
  return names;
}

export function classifyPattern(pattern: string): RouteKind {
  if (/^\/c\/:slug(\/|$)/.test(pattern)) return "tenant";
  if (/^\/(public|api)(\/|$)/.test(pattern) || pattern === "/sitemap.xml" || pattern === "/robots.txt") return "published";
  if (/^\/admin(\/|$)/.test(pattern)) return "admin";
  return "public";
}

function composePattern(routes: Record<string, BuildRoute | undefined>, id: string): string {
  const segments: string[] = [];
  const seen = new Set<string>();
  for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
    if (seen.has(route.id)) throw new Error(`route manifest has a parentId cycle at ${route.id}`);
    seen.add(route.id);
    if (route.path) segments.unshift(route.path.replace(/^\/+|\/+$/g, ""));
  }
  return "/" + segments.filter(Boolean).join("/");
}

/**
 * Every route of the production build that has a loader, an action or a page (a page without a
 * loader still runs the root loader and is served as a document), with its full URL pattern.
 */
export async function loadRouteManifest(buildFile = "build/index.js"): Promise<ManifestRoute[]> {
  const build = (await import(pathToFileURL(path.resolve(buildFile)).href)) as ServerBuild;
  const routes = build.routes as Record<string, BuildRoute | undefined>;
  const all = Object.values(routes).filter((r): r is BuildRoute => Boolean(r));
  const children = (id: string) => all.filter((r) => r.parentId === id);

  /** a descendant that a URL can reach, for a pathless layout */
  const addressableDescendant = (id: string): BuildRoute | undefined => {
    for (const child of children(id)) {
      if (child.index || child.path) return child;
      const deeper = addressableDescendant(child.id);
      if (deeper) return deeper;
    }
    return undefined;
  };

  const manifest: ManifestRoute[] = [];
  for (const route of all) {
    const module = route.module as { loader?: unknown; action?: unknown; default?: unknown };
    const hasLoader = typeof module.loader === "function";
    const hasAction = typeof module.action === "function";
    const hasComponent = typeof module.default === "function";
    if (!hasLoader && !hasAction && !hasComponent) continue;
    const isRoot = route.parentId === undefined;
    const pathless = !isRoot && !route.index && !route.path;
    const pattern = composePattern(routes, route.id);
    let requestPattern = pattern;
    if (pathless) {
      const descendant = addressableDescendant(route.id);
      if (!descendant) throw new Error(`pathless route ${route.id} has no descendant a URL can reach`);
      requestPattern = composePattern(routes, descendant.id);
    }
    manifest.push({
      id: route.id,
      parentId: route.parentId,
      pattern,
      requestPattern,
      params: patternParams(requestPattern),
      index: Boolean(route.index),
      pathless,
      hasLoader,
      hasAction,
      hasComponent,
      kind: classifyPattern(requestPattern),
    });
  }
  return manifest.sort((a, b) => a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------------------------------------
// What a URL is aimed at

export interface CooperationRef {
  id: string;
  slug: string;
  name: string;
}

export interface MunicipalityRef {
  id: string;
  number: string;
  name: string;
}

/** The cooperation (and, for the "other municipality" case, the municipality) a request addresses. */
export interface Target {
  cooperation: CooperationRef;
  /** set only for the "other municipality" case; otherwise municipality params take a member of `cooperation` */
  municipality?: MunicipalityRef;
}

export interface ParamContext {
  db: DB;
  route: ManifestRoute;
  param: string;
  /** the literal URL segment just before the parameter (`measures` in `/c/:slug/measures/:number`) */
  segmentBefore: string | undefined;
  target: Target;
}

/** A value for the parameter taken from the target's own rows; undefined when the target has no such row. */
export type ParamResolver = (ctx: ParamContext) => Promise<string | number | undefined>;

export class UnknownParamError extends Error {}

function unknownParam(ctx: ParamContext, detail = ""): never {
  throw new UnknownParamError(
    `route ${ctx.route.id} (${ctx.route.requestPattern}) has param :${ctx.param}${detail} — add it to the isolation matrix (PARAM_TABLE in tests/support/route-manifest.ts)`,
  );
}

/** For a parameter whose meaning depends on the segment before it (`:id`, `:year`). */
function bySegment(resolvers: Record<string, ParamResolver>): ParamResolver {
  return (ctx) => {
    const resolver = ctx.segmentBefore === undefined ? undefined : resolvers[ctx.segmentBefore];
    if (!resolver) unknownParam(ctx, ` after "/${ctx.segmentBefore ?? ""}/"`);
    return resolver(ctx);
  };
}

/** A member municipality of the target cooperation (or the target municipality when one is set). */
async function targetMunicipality({ db, target }: ParamContext): Promise<MunicipalityRef | undefined> {
  if (target.municipality) return target.municipality;
  return db
    .selectFrom("membership")
    .innerJoin("municipality", "municipality.id", "membership.municipality_id")
    .select(["municipality.id", "municipality.number", "municipality.name"])
    .where("membership.cooperation_id", "=", target.cooperation.id)
    .where("membership.left_on", "is", null)
    .orderBy("municipality.number")
    .executeTakeFirst();
}

const measureNumber: ParamResolver = async ({ db, target }) =>
  (
    await db
      .selectFrom("measure")
      .select("number")
      .where("cooperation_id", "=", target.cooperation.id)
      .orderBy("number")
      .executeTakeFirst()
  )?.number;

/** The target's latest plan year; for the plan PDF (`/plans/:year.pdf`), the latest with an approved version. */
const planYear: ParamResolver = async ({ db, target, route }) => {
  let query = db
    .selectFrom("action_plan")
    .select("action_plan.year")
    .where("action_plan.cooperation_id", "=", target.cooperation.id)
    .orderBy("action_plan.year", "desc");
  if (route.requestPattern.endsWith(".pdf")) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("plan_version")
          .select("plan_version.id")
          .whereRef("plan_version.plan_id", "=", "action_plan.id")
          .where("plan_version.status", "=", "approved"),
      ),
    );
  }
  return (await query.executeTakeFirst())?.year;
};

const reportYear: ParamResolver = async ({ db, target }) =>
  (
    await db
      .selectFrom("annual_report")
      .select("year")
      .where("cooperation_id", "=", target.cooperation.id)
      .orderBy("year", "desc")
      .executeTakeFirst()
  )?.year;

/**
 * How every URL parameter resolves for a target. Extend this when a route brings a new
 * parameter; a parameter missing here fails the isolation matrix with the route's name.
 */
export const PARAM_TABLE: Record<string, ParamResolver> = {
  slug: async ({ target }) => target.cooperation.slug,
  // a dataset every cooperation has rows for: the uptake at each year's end
  file: bySegment({ data: async () => "uptake.csv" }),
  number: bySegment({ measures: measureNumber, uptake: measureNumber }),
  measure: measureNumber,
  year: bySegment({
    plans: planYear,
    reports: reportYear,
    // /c/:slug/strategies/:id/evaluations/:year: a year the target has evaluations for
    evaluations: async ({ db, target }) =>
      (
        await db
          .selectFrom("goal_evaluation")
          .select("year")
          .where("cooperation_id", "=", target.cooperation.id)
          .orderBy("year", "desc")
          .executeTakeFirst()
      )?.year,
  }),
  id: bySegment({
    strategies: async ({ db, target }) =>
      (
        await db
          .selectFrom("strategy")
          .select("id")
          .where("cooperation_id", "=", target.cooperation.id)
          .orderBy("created_at")
          .executeTakeFirst()
      )?.id,
    rounds: async ({ db, target }) =>
      (
        await db
          .selectFrom("reporting_round")
          .select("id")
          .where("cooperation_id", "=", target.cooperation.id)
          .orderBy("opened_at")
          .executeTakeFirst()
      )?.id,
    decisions: async ({ db, target }) =>
      (
        await db
          .selectFrom("decision")
          .select("id")
          .where("cooperation_id", "=", target.cooperation.id)
          .orderBy("decided_on")
          .executeTakeFirst()
      )?.id,
    comments: async ({ db, target }) =>
      (
        await db
          .selectFrom("comment")
          .select("id")
          .where("cooperation_id", "=", target.cooperation.id)
          .orderBy("created_at")
          .executeTakeFirst()
      )?.id,
    versions: async ({ db, target }) =>
      (
        await db
          .selectFrom("plan_version")
          .select("id")
          .where("cooperation_id", "=", target.cooperation.id)
          .orderBy("created_at")
          .executeTakeFirst()
      )?.id,
  }),
  version: async ({ db, target }) =>
    (
      await db
        .selectFrom("plan_version")
        .select("version_no")
        .where("cooperation_id", "=", target.cooperation.id)
        .orderBy("version_no")
        .executeTakeFirst()
    )?.version_no,
  // a municipality in a URL is its 4-digit number (kommunenummer); `municipalityId` for the internal id
  municipality: async (ctx) => (await targetMunicipality(ctx))?.number,
  municipalityNumber: async (ctx) => (await targetMunicipality(ctx))?.number,
  kommunenummer: async (ctx) => (await targetMunicipality(ctx))?.number,
  municipalityId: async (ctx) => (await targetMunicipality(ctx))?.id,
  // the texts of a language: the same for everyone, signed in or not
  lang: async () => "nb",
  // the catch-all 404 route: an unknown page under the target cooperation
  "*": async ({ target }) => `c/${target.cooperation.slug}/no-such-page`,
};

/**
 * Used when the target has no row for a parameter (the check is then weaker: the route has
 * nothing to leak for that target). The matrix lists every use of a fallback.
 */
const FALLBACK: Record<string, string> = {
  number: "1",
  measure: "1",
  year: String(new Date().getFullYear()),
  version: "1",
  id: "00000000-0000-4000-8000-000000000000",
};

export const MUNICIPALITY_PARAMS: readonly string[] = ["municipality", "municipalityNumber", "kommunenummer", "municipalityId"];

export interface ResolvedUrl {
  path: string;
  /** parameters that the target has no row for, filled with a fallback */
  fallbacks: string[];
}

/** Fills a route's request pattern for a target; throws UnknownParamError for a parameter the table does not know. */
export async function resolveRouteUrl(db: DB, route: ManifestRoute, target: Target): Promise<ResolvedUrl> {
  const fallbacks: string[] = [];
  const segments = route.requestPattern.split("/");
  const out: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (segment === "*") {
      const ctx: ParamContext = { db, route, param: "*", segmentBefore: segments[i - 1], target };
      const splat = PARAM_TABLE["*"];
      if (!splat) unknownParam(ctx);
      out.push(String(await splat(ctx)));
      continue;
    }
    const matches = [...segment.matchAll(PARAM_PATTERN)];
    if (!matches.length) {
      out.push(segment);
      continue;
    }
    let filled = segment;
    for (const match of matches) {
      const param = match[1];
      const ctx: ParamContext = { db, route, param, segmentBefore: segments[i - 1], target };
      const resolver = PARAM_TABLE[param];
      if (!resolver) unknownParam(ctx);
      let value = await resolver(ctx);
      if (value === undefined) {
        const fallback = FALLBACK[param];
        if (fallback === undefined)
          throw new Error(`route ${route.id}: no ${param} for ${target.cooperation.slug} and no fallback`);
        fallbacks.push(param);
        value = fallback;
      }
      filled = filled.replace(match[0], encodeURIComponent(String(value)));
    }
    out.push(filled);
  }
  return { path: out.join("/") || "/", fallbacks };
}

// ---------------------------------------------------------------------------------------------
// Who asks, and which cooperations are foreign to them

export interface CooperationGrant {
  cooperationId: string;
  slug: string;
  role: "secretariat" | "board" | "reporter" | "viewer";
  municipalityId: string | null;
}

export async function listCooperations(db: DB): Promise<CooperationRef[]> {
  return db.selectFrom("cooperation").select(["id", "slug", "name"]).orderBy("slug").execute();
}

export async function findUser(
  db: DB,
  email: string,
): Promise<{ id: string; email: string; isPlatformAdmin: boolean; grants: CooperationGrant[] }> {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "email", "is_platform_admin"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  const grants = await db
    .selectFrom("role_grant")
    .innerJoin("cooperation", "cooperation.id", "role_grant.cooperation_id")
    .select(["role_grant.cooperation_id", "cooperation.slug", "role_grant.role", "role_grant.municipality_id"])
    .where("role_grant.user_id", "=", user.id)
    .execute();
  return {
    id: user.id,
    email: user.email,
    isPlatformAdmin: user.is_platform_admin === 1,
    grants: grants.map((g) => ({
      cooperationId: g.cooperation_id,
      slug: g.slug,
      role: g.role,
      municipalityId: g.municipality_id,
    })),
  };
}

/** The cooperations a caller holds no role in (all of them for anonymous callers and the platform admin). */
export function foreignCooperations(all: readonly CooperationRef[], grants: readonly CooperationGrant[]): CooperationRef[] {
  const own = new Set(grants.map((g) => g.cooperationId));
  return all.filter((c) => !own.has(c.id));
}

// ---------------------------------------------------------------------------------------------
// The "other municipality" case: a reporter aiming at a neighbour in the same cooperation

export interface OtherMunicipalityCase {
  /** the reporter making the requests */
  actor: string;
  cooperation: string;
  /** the municipality number the actor's reporter grant names */
  ownMunicipality: string;
  /** a municipality number in the same cooperation the actor must not act for */
  otherMunicipality: string;
}

export const OTHER_MUNICIPALITY_CASES: readonly OtherMunicipalityCase[] = [
  { actor: "ikt@giske.example", cooperation: "ekommune-sunnmore", ownMunicipality: "1532", otherMunicipality: "1531" },
  { actor: "ikt@sula.example", cooperation: "ekommune-sunnmore", ownMunicipality: "1531", otherMunicipality: "1532" },
];

export interface ResolvedOtherMunicipality {
  actorId: string;
  cooperation: CooperationRef;
  own: MunicipalityRef;
  other: MunicipalityRef;
  target: Target;
}

/**
 * Resolves a case from the database and checks it still means what it says: the actor reports
 * for `ownMunicipality` in the cooperation, and `otherMunicipality` is a current member of it.
 */
export async function resolveOtherMunicipality(db: DB, c: OtherMunicipalityCase): Promise<ResolvedOtherMunicipality> {
  const cooperation = await db
    .selectFrom("cooperation")
    .select(["id", "slug", "name"])
    .where("slug", "=", c.cooperation)
    .executeTakeFirstOrThrow();
  const memberNamed = async (number: string) => {
    const row = await db
      .selectFrom("membership")
      .innerJoin("municipality", "municipality.id", "membership.municipality_id")
      .select(["municipality.id", "municipality.number", "municipality.name"])
      .where("membership.cooperation_id", "=", cooperation.id)
      .where("membership.left_on", "is", null)
      .where("municipality.number", "=", number)
      .executeTakeFirst();
    if (!row) throw new Error(`${number} is not a current member of ${c.cooperation}`);
    return row;
  };
  const own = await memberNamed(c.ownMunicipality);
  const other = await memberNamed(c.otherMunicipality);
  const user = await findUser(db, c.actor);
  const grant = user.grants.find((g) => g.cooperationId === cooperation.id && g.role === "reporter");
  if (!grant || grant.municipalityId !== own.id) {
    throw new Error(`${c.actor} is not the reporter for ${c.ownMunicipality} in ${c.cooperation}`);
  }
  return { actorId: user.id, cooperation, own, other, target: { cooperation, municipality: other } };
}

// ---------------------------------------------------------------------------------------------
// Zero rows changed

/**
 * Tables left out of the digest: sessions slide on every request; the PDFs of frozen records are
 * copies the first reader (or the background job) makes of what cannot change; migrations are
 * not data.
 */
export function digestExcluded(table: string): boolean {
  return (
    table === "user_session" || table === "frozen_pdf" || table.startsWith("kysely_migration") || table.startsWith("sqlite_")
  );
}

/** sha256 of every table's rows (each row as key-sorted JSON, rows sorted), keyed by table name. */
export async function tableDigests(db: DB): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db);
  const digests: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (digestExcluded(name)) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    const lines = rows.rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .map((k) => [k, row[k]]),
        ),
      )
      .sort();
    const hash = createHash("sha256");
    for (const line of lines) hash.update(line).update("\n");
    digests[name] = `${lines.length}:${hash.digest("hex")}`;
  }
  return digests;
}

/** The tables whose digest differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
