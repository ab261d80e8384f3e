import type { CooperationRole, PlanVersion, PlanVersionStatus } from "../../db/schema";
import { can, type Permission } from "../cooperation/permissions";

/*
 * The approval workflow of one action-plan version, pure so the
 * routes, the data layer and the tests share one answer to "may this happen now?".
 *
 *   draft ──sendForInput──▶ input ──submit──▶ submitted ──approve──▶ approved ──amend──▶ (new draft version)
 *     ▲                       closeInput         │   ▲
 *     └──────────reopen────── returned ◀─return─┘   └──submit (resubmit after fixing)──┘
 *
 * - The input round is open from `sendForInput` to the end of its deadline (Norway's date), unless
 *   the secretariat closes it earlier (`closeInput`). Municipalities comment while it is open;
 *   the plan goes to the board only once it is over, so nobody's input arrives after the board
 *   has the plan. A deadline already past when the plan is sent for input (a past year's plan
 *   entered after the fact) is a round that is over at once.
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

export const PLAN_ACTIONS = ["sendForInput", "closeInput", "submit", "approve", "return", "reopen", "amend"] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export interface PlanTransition {
  from: readonly PlanVersionStatus[];
  /** the status of the version acted on, afterwards */
  to: PlanVersionStatus;
  /** who may do it, through the cooperation's permission table */
  permission: Permission;
  /** set when the action starts a new version of the plan in this status */
  creates?: PlanVersionStatus;
  /** from `input`: whether the input round must still be open, or be over */
  inputRound?: "open" | "over";
}

export const PLAN_TRANSITIONS = {
  sendForInput: { from: ["draft"], to: "input", permission: "plan:edit" },
  closeInput: { from: ["input"], to: "input", permission: "plan:edit", inputRound: "open" },
  submit: { from: ["input", "returned"], to: "submitted", permission: "plan:edit", inputRound: "over" },
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

/** What decides whether an input round is open: the version's status, deadline and early close. */
export interface InputRoundState {
  status: PlanVersionStatus;
  /** yyyy-mm-dd; the last day comments are taken */
  inputDeadline: string | null;
  inputClosedAt: string | null;
}

/** The columns of a version row that decide whether its input round is open. */
export function inputRoundOf(v: Pick<PlanVersion, "status" | "input_deadline" | "input_closed_at">): InputRoundState {
  return { status: v.status, inputDeadline: v.input_deadline, inputClosedAt: v.input_closed_at };
}

/** Is the version's input round open on `today` (Norway's date, yyyy-mm-dd)? */
export function isInputOpen(round: InputRoundState, today: string): boolean {
  return round.status === "input" && round.inputClosedAt === null && round.inputDeadline !== null && today <= round.inputDeadline;
}

/** The version as the transitions see it: its status and, in `input`, whether the round is open. */
export interface VersionState {
  status: PlanVersionStatus;
  inputOpen: boolean;
}

/** `inputOpen`: the round is still open (close it first); `inputOver`: it is already over. */
export type TransitionRefusal = "notAllowed" | "wrongState" | "inputOpen" | "inputOver";

export type TransitionCheck =
  | { ok: true; to: PlanVersionStatus; creates: PlanVersionStatus | null }
  | { ok: false; reason: TransitionRefusal; allowedFrom: readonly PlanVersionStatus[] };

/**
 * May someone holding `roles` perform `action` on a version in `state` now? The role is checked
 * first, so someone who may never do the action learns nothing about the plan's state.
 */
export function checkTransition(state: VersionState, action: PlanAction, roles: readonly CooperationRole[]): TransitionCheck {
  const t: PlanTransition = PLAN_TRANSITIONS[action];
  if (!can(roles, t.permission)) return { ok: false, reason: "notAllowed", allowedFrom: t.from };
  if (!t.from.includes(state.status)) return { ok: false, reason: "wrongState", allowedFrom: t.from };
  if (state.status === "input" && t.inputRound === "over" && state.inputOpen) {
    return { ok: false, reason: "inputOpen", allowedFrom: t.from };
  }
  if (state.status === "input" && t.inputRound === "open" && !state.inputOpen) {
    return { ok: false, reason: "inputOver", allowedFrom: t.from };
  }
  return { ok: true, to: t.to, creates: t.creates ?? null };
}

/** The actions `roles` can take on a version in `state` now: the buttons a page offers. */
export function availableActions(state: VersionState, roles: readonly CooperationRole[]): PlanAction[] {
  return PLAN_ACTIONS.filter((action) => checkTransition(state, action, roles).ok);
}
