import type { PlanVersionStatus } from "../../db/schema";
import { ForbiddenError, NotFoundError, RuleBrokenError } from "../utils/errors.server";
import type { PlanAction, TransitionRefusal } from "./state-machine";

/** The action-plan data layer's refusals, each one of the four kinds the routes answer alike. */

export class PlanNotFoundError extends NotFoundError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found in this cooperation`);
  }
}

/** One plan per year per cooperation: a second one for the same year is refused. */
export class PlanExistsError extends RuleBrokenError {
  constructor(readonly year: number) {
    super("plan:errors.exists");
  }
}

/** The user's roles in the cooperation lack the permission the operation needs. */
export class PlanForbiddenError extends ForbiddenError {
  constructor(readonly permission: string) {
    super(`missing permission ${permission}`);
  }
}

/** The state machine refused for the version's state or its input round (a role it lacks is PlanForbiddenError). */
export class PlanTransitionError extends RuleBrokenError {
  constructor(
    readonly action: PlanAction,
    readonly status: PlanVersionStatus,
    readonly reason: Exclude<TransitionRefusal, "notAllowed">,
  ) {
    super(reason === "wrongState" ? `plan:refused.${action}` : `plan:refused.${reason}`);
  }
}

/** An approved or superseded version is an immutable record of a decision; amend it instead. */
export class PlanVersionFrozenError extends RuleBrokenError {
  constructor(
    readonly versionId: string,
    readonly status: PlanVersionStatus,
  ) {
    super("plan:errors.frozen");
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
export class PlanRuleError extends RuleBrokenError {
  constructor(
    readonly code: PlanRule,
    readonly measureIds: string[] = [],
  ) {
    super(`plan:errors.${code}`);
  }
}
