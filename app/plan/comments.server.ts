import { randomUUID } from "node:crypto";
import type { DB } from "../../db/connect";
import type { Selectable } from "kysely";
import type { CommentTable, PlanVersionStatus } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { listMembers } from "../cooperation/members.server";
import { can } from "../cooperation/permissions";
import { byNorwegianName } from "../i18n/collate";
import { osloToday } from "@shared-schema/dates";
import { PlanForbiddenError, PlanNotFoundError } from "./errors.server";
import { loadItems, loadVersion, now, requirePermission, type Scope, type Trx } from "./plan-store.server";
import { transact } from "../utils/concurrency.server";
import { inputRoundOf, isInputOpen } from "./state-machine";
import type { CooperationId } from "../cooperation/scope.server";
import { RuleBrokenError } from "../utils/errors.server";

/*
 * The input round (innspel): while a plan version is out for input, reporters,
 * board members and the secretariat comment on the plan as a whole or on one of its items; the
 * secretariat sees the comments by municipality and marks each one handled.
 *
 * - Commenting needs `plan:comment` and a version in `input`; anything else is refused with
 *   PlanCommentError("notInInput"). Once the round is over (its deadline, in Norway's date, has
 *   passed, or the secretariat closed it) comments are refused with "inputClosed": the plan may
 *   already be with the board.
 * - The municipality of a comment is never taken from the caller: a reporter's comes from the
 *   role grant (read here, inside the transaction); board members and the secretariat comment
 *   without one. A reporter grant without a municipality is refused ("noMunicipality").
 * - Every query is narrowed to the scope's cooperation: another cooperation's version, item or
 *   comment is "not found".
 * - Each comment and each handled/not handled is an audit event in the same transaction.
 */

type Comment = Selectable<CommentTable>;

export type PlanCommentRule =
  /** comments are taken only while the version is out for input */
  | "notInInput"
  /** the input round is over: deadline passed or closed by the secretariat */
  | "inputClosed"
  /** the item is not part of this plan version */
  | "itemNotInVersion"
  /** a reporter grant that names no municipality cannot comment */
  | "noMunicipality"
  | "emptyBody";

export class PlanCommentError extends RuleBrokenError {
  constructor(
    readonly code: PlanCommentRule,
    readonly status?: PlanVersionStatus,
  ) {
    super(`planComments:errors.${code}`);
  }
}

async function grantsOf(trx: Trx, scope: Scope) {
  return trx
    .selectFrom("role_grant")
    .select(["role", "municipality_id"])
    .where("user_id", "=", scope.userId)
    .where("cooperation_id", "=", scope.cooperationId)
    .execute();
}

/** The municipality a comment by this user is given for: a reporter's own; null for board and secretariat. */
async function commentMunicipality(trx: Trx, scope: Scope): Promise<string | null> {
  const grants = await grantsOf(trx, scope);
  const roles = grants.map((g) => g.role);
  if (!can(roles, "plan:comment")) throw new PlanForbiddenError("plan:comment");
  // someone who also holds a role that speaks for the cooperation does not speak for a municipality
  if (can(roles, "plan:commentForCooperation")) return null;
  const municipality = grants.find((g) => can([g.role], "uptake:report"))?.municipality_id;
  if (!municipality) throw new PlanCommentError("noMunicipality");
  return municipality;
}

export interface NewPlanComment {
  versionId: string;
  /** null or absent: on the plan as a whole */
  itemId?: string | null;
  body: string;
}

/** Adds a comment to a version out for input, or to one of its items. Returns the comment's id. */
export async function addPlanComment(db: DB, scope: Scope & NewPlanComment): Promise<string> {
  const body = scope.body.trim();
  if (!body) throw new PlanCommentError("emptyBody");
  return transact(db, async (trx) => {
    const municipalityId = await commentMunicipality(trx, scope);
    const version = await loadVersion(trx, scope.cooperationId, scope.versionId);
    if (version.status !== "input") throw new PlanCommentError("notInInput", version.status);
    if (!isInputOpen(inputRoundOf(version), osloToday())) throw new PlanCommentError("inputClosed", version.status);
    if (scope.itemId) {
      const items = await loadItems(trx, scope.cooperationId, version.id);
      if (!items.some((i) => i.id === scope.itemId)) throw new PlanCommentError("itemNotInVersion");
    }
    const comment: Comment = {
      id: randomUUID(),
      cooperation_id: scope.cooperationId,
      target_type: scope.itemId ? "plan_item" : "plan_version",
      target_id: scope.itemId ? scope.itemId : version.id,
      author_id: scope.userId,
      municipality_id: municipalityId,
      body,
      handled_at: null,
      handled_by: null,
      created_at: now(),
    };
    await trx.insertInto("comment").values(comment).execute();
    await recordAudit(trx, {
      cooperationId: scope.cooperationId,
      actorId: scope.userId,
      action: "comment.created",
      entityType: "comment",
      entityId: comment.id,
      after: { ...comment, planVersionId: version.id },
    });
    return comment.id;
  });
}

/** The ids a version's comments can point at: the version itself and its items. */
async function targetsOf(trx: Trx, cooperationId: CooperationId, versionId: string) {
  const items = await loadItems(trx, cooperationId, versionId);
  return { versionId, itemIds: items.map((i) => i.id) };
}

async function loadComment(trx: Trx, cooperationId: CooperationId, commentId: string): Promise<Comment> {
  const row = await trx
    .selectFrom("comment")
    .selectAll()
    .where("id", "=", commentId)
    .where("cooperation_id", "=", cooperationId)
    .where("target_type", "in", ["plan_version", "plan_item"])
    .executeTakeFirst();
  if (!row) throw new PlanNotFoundError("comment", commentId);
  return row;
}

/** The secretariat marks a comment handled (or undoes it). Marking it as it already is changes nothing. */
export async function setCommentHandled(db: DB, scope: Scope & { commentId: string; handled: boolean }): Promise<void> {
  await transact(db, async (trx) => {
    await requirePermission(trx, scope, "plan:edit");
    const before = await loadComment(trx, scope.cooperationId, scope.commentId);
    if ((before.handled_at !== null) === scope.handled) return;
    const stamp = scope.handled ? now() : null;
    await trx
      .updateTable("comment")
      .set({ handled_at: stamp, handled_by: scope.handled ? scope.userId : null })
      .where("id", "=", before.id)
      .where("cooperation_id", "=", scope.cooperationId)
      .execute();
    const after = await loadComment(trx, scope.cooperationId, before.id);
    await recordAudit(trx, {
      cooperationId: scope.cooperationId,
      actorId: scope.userId,
      action: scope.handled ? "comment.handled" : "comment.unhandled",
      entityType: "comment",
      entityId: before.id,
      before,
      after,
    });
  });
}

export interface PlanCommentView {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
  /** null: on the plan as a whole */
  item: { id: string; measureNumber: number; measureName: string } | null;
  handledAt: string | null;
  handledByName: string | null;
}

export interface CommentGroup {
  /** null: comments given without a municipality (board and secretariat) */
  municipalityId: string | null;
  municipalityName: string | null;
  comments: PlanCommentView[];
  total: number;
  open: number;
}

/**
 * The comments on a version and its items, grouped by municipality: every municipality asked
 * (the members on the input deadline once it is past, today's before; also those without comments,
 * so the secretariat sees who has not answered) in
 * Norwegian alphabetical order, then comments without a municipality (board, secretariat). Oldest
 * comment first within a group.
 */
export async function listPlanComments(
  db: DB,
  { cooperationId, versionId }: { cooperationId: CooperationId; versionId: string },
): Promise<CommentGroup[]> {
  return transact(db, async (trx) => {
    const version = await loadVersion(trx, cooperationId, versionId);
    const today = osloToday();
    const askedOn = version.input_deadline && version.input_deadline < today ? version.input_deadline : today;
    const targets = await targetsOf(trx, cooperationId, versionId);
    const rows = await trx
      .selectFrom("comment")
      .innerJoin("app_user as author", "author.id", "comment.author_id")
      .leftJoin("app_user as handler", "handler.id", "comment.handled_by")
      .leftJoin("plan_item", (join) =>
        join.onRef("plan_item.id", "=", "comment.target_id").on("comment.target_type", "=", "plan_item"),
      )
      .leftJoin("measure", "measure.id", "plan_item.measure_id")
      .select([
        "comment.id",
        "comment.body",
        "comment.municipality_id",
        "comment.created_at",
        "comment.handled_at",
        "comment.target_type",
        "author.name as author_name",
        "handler.name as handler_name",
        "plan_item.id as item_id",
        "measure.number as measure_number",
        "measure.name as measure_name",
      ])
      .where("comment.cooperation_id", "=", cooperationId)
      .where((eb) =>
        eb.or([
          eb.and([eb("comment.target_type", "=", "plan_version"), eb("comment.target_id", "=", targets.versionId)]),
          ...(targets.itemIds.length
            ? [eb.and([eb("comment.target_type", "=", "plan_item"), eb("comment.target_id", "in", targets.itemIds)])]
            : []),
        ]),
      )
      .orderBy("comment.created_at")
      .orderBy("comment.id")
      .execute();
    const members = await listMembers(trx, { cooperationId, onDate: askedOn });
    const names = new Map(members.map((m) => [m.municipalityId, m.name]));
    // a comment from a municipality that has since left still shows, under its name
    const missing = [...new Set(rows.map((r) => r.municipality_id).filter((id): id is string => !!id && !names.has(id)))];
    if (missing.length) {
      for (const m of await trx.selectFrom("municipality").select(["id", "name"]).where("id", "in", missing).execute()) {
        names.set(m.id, m.name);
      }
    }
    const groups = new Map<string | null, CommentGroup>();
    const group = (id: string | null) => {
      let g = groups.get(id);
      if (!g) {
        g = { municipalityId: id, municipalityName: id ? (names.get(id) ?? id) : null, comments: [], total: 0, open: 0 };
        groups.set(id, g);
      }
      return g;
    };
    for (const id of names.keys()) group(id);
    for (const r of rows) {
      const g = group(r.municipality_id);
      g.comments.push({
        id: r.id,
        body: r.body,
        authorName: r.author_name,
        createdAt: r.created_at,
        item:
          r.target_type === "plan_item" && r.item_id
            ? { id: r.item_id, measureNumber: r.measure_number ?? 0, measureName: r.measure_name ?? "" }
            : null,
        handledAt: r.handled_at,
        handledByName: r.handler_name ?? null,
      });
      g.total++;
      if (!r.handled_at) g.open++;
    }
    const municipal = [...groups.values()]
      .filter((g) => g.municipalityId !== null)
      .sort(byNorwegianName((g) => g.municipalityName ?? ""));
    const others = groups.get(null);
    return others ? [...municipal, others] : municipal;
  });
}

/** The version the comments page shows for a year: the one out for input, else the latest. */
export function pickCommentVersion<V extends { status: PlanVersionStatus; version_no: number }>(
  versions: readonly V[],
): V | null {
  return versions.find((v) => v.status === "input") ?? [...versions].sort((a, b) => b.version_no - a.version_no)[0] ?? null;
}
