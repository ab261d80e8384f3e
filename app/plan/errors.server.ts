import type { PlanVersionStatus } from "../../db/schema";
import type { PlanAction, TransitionRefusal } from "./state-machine";

/** Typed refusals of the action-plan data layer; routes map them to 404, 403 or a clear message. */

export class PlanNotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found in this cooperation`);
  }
}

/** One plan per year per cooperation: a second one for the same year is refused. */
export class PlanExistsError extends Error {
  constructor(readonly year: number) {
    super(`an action plan for ${year} already exists`);
  }
}

/** The user's roles in the cooperation lack the permission the operation needs. */
export class PlanForbiddenError extends Error {
  constructor(readonly permission: string) {
    super(`missing permission ${permission}`);
  }
}

/** The state machine refused: `notAllowed` (role) or `wrongState` (status). */
export class PlanTransitionError extends Error {
  constructor(
    readonly action: PlanAction,
    readonly status: PlanVersionStatus,
    readonly reason: TransitionRefusal,
  ) {
    super(`cannot ${action} a plan version that is ${status}: ${reason}`);
  }
}

/** An approved or superseded version is an immutable record of a decision; amend it instead. */
export class PlanVersionFrozenError extends Error {
  constructor(
    readonly versionId: string,
    readonly status: PlanVersionStatus,
  ) {
    super(`plan version ${versionId} is ${status} and cannot be changed`);
  }
}

export type PlanRule =
  /** rolling needs an approved plan for the year before */
  | "noApprovedPreviousPlan"
  /** items change only in draft or returned, not while others review the version */
  | "notEditable"
  /** one amendment at a time: an unfinished version of the year's plan exists */
  | "openVersionExists"
  /** a measure that introduces a system needs a benefits realisation plan (seed 004 ch. 4) */
  | "benefitsPlanMissing"
  | "measureAlreadyInPlan"
  | "invalidDeadline"
  | "invalidDecision"
  | "invalidItem";

/** A rule of the domain the request breaks; `measureIds` names the measures concerned, if any. */
export class PlanRuleError extends Error {
  constructor(
    readonly code: PlanRule,
    readonly measureIds: string[] = [],
  ) {
    super(`action plan rule broken: ${code}`);
  }
}
