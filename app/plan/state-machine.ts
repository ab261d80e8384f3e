import type { CooperationRole, PlanVersionStatus } from "../../db/schema";
import { can, type Permission } from "../cooperation/permissions";

/*
 * The approval workflow of one action-plan version, pure so the
 * routes, the data layer and the tests share one answer to "may this happen now?".
 *
 *   draft ──sendForInput──▶ input ──submit──▶ submitted ──approve──▶ approved ──amend──▶ (new draft version)
 *     ▲                                         │   ▲
 *     └──────────reopen────── returned ◀─return─┘   └──submit (resubmit after fixing)──┘
 *
 * - A returned version is editable: the secretariat fixes it and resubmits it directly, because
 *   the municipalities already had their say; `reopen` sends it back to draft when the changes
 *   are big enough to need a new input round.
 * - Amending never touches the approved version: it starts a new draft version of the same year's
 *   plan. The approved version stays the valid plan until the amendment is approved; then, and
 *   only then, the data layer marks it `superseded` (a consequence of approval, not an action).
 * - `superseded` is final: nothing can be done to it.
 */

export const PLAN_VERSION_STATUSES = [
  "draft",
  "input",
  "submitted",
  "approved",
  "returned",
  "superseded",
] as const satisfies readonly PlanVersionStatus[];

export const PLAN_ACTIONS = ["sendForInput", "submit", "approve", "return", "reopen", "amend"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export interface PlanTransition {
  from: readonly PlanVersionStatus[];
  /** the status of the version acted on, afterwards */
  to: PlanVersionStatus;
  /** who may do it, through the cooperation's permission table */
  permission: Permission;
  /** set when the action starts a new version of the plan in this status */
  creates?: PlanVersionStatus;
}

export const PLAN_TRANSITIONS = {
  sendForInput: { from: ["draft"], to: "input", permission: "plan:edit" },
  submit: { from: ["input", "returned"], to: "submitted", permission: "plan:edit" },
  approve: { from: ["submitted"], to: "approved", permission: "plan:decide" },
  return: { from: ["submitted"], to: "returned", permission: "plan:decide" },
  reopen: { from: ["returned"], to: "draft", permission: "plan:edit" },
  amend: { from: ["approved"], to: "approved", permission: "plan:edit", creates: "draft" },
} as const satisfies Record<PlanAction, PlanTransition>;

/** Versions whose items the secretariat may change: not while others review them. */
export const EDITABLE_STATUSES = ["draft", "returned"] as const satisfies readonly PlanVersionStatus[];

/** Versions that are decided history: their content never changes again. */
export const FROZEN_STATUSES = ["approved", "superseded"] as const satisfies readonly PlanVersionStatus[];

export function isEditable(status: PlanVersionStatus): boolean {
  return (EDITABLE_STATUSES as readonly PlanVersionStatus[]).includes(status);
}

export function isFrozen(status: PlanVersionStatus): boolean {
  return (FROZEN_STATUSES as readonly PlanVersionStatus[]).includes(status);
}

export type TransitionRefusal = "notAllowed" | "wrongState";

export type TransitionCheck =
  | { ok: true; to: PlanVersionStatus; creates: PlanVersionStatus | null }
  | { ok: false; reason: TransitionRefusal; allowedFrom: readonly PlanVersionStatus[] };

/**
 * May someone holding `roles` perform `action` on a version in status `from`? The role is
 * checked first, so someone who may never do the action learns nothing about the plan's state.
 */
export function checkTransition(from: PlanVersionStatus, action: PlanAction, roles: readonly CooperationRole[]): TransitionCheck {
  const t: PlanTransition = PLAN_TRANSITIONS[action];
  if (!can(roles, t.permission)) return { ok: false, reason: "notAllowed", allowedFrom: t.from };
  if (!t.from.includes(from)) return { ok: false, reason: "wrongState", allowedFrom: t.from };
  return { ok: true, to: t.to, creates: t.creates ?? null };
}

/** The actions `roles` can take on a version in `status` now: the buttons a page offers. */
export function availableActions(status: PlanVersionStatus, roles: readonly CooperationRole[]): PlanAction[] {
  return PLAN_ACTIONS.filter((action) => checkTransition(status, action, roles).ok);
}
