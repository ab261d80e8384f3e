import { NotFoundError, RuleBrokenError } from "../utils/errors.server";

/** The strategy data layer's refusals, each one of the four kinds the routes answer alike. */

export class StrategyNotFoundError extends NotFoundError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found in this cooperation`);
  }
}

/** An adopted or archived strategy's content cannot change; a revision is the way to change it. */
export class StrategyFrozenError extends RuleBrokenError {
  constructor(
    readonly strategyId: string,
    readonly status: string,
  ) {
    super("strategy:errors.frozen");
  }
}

export type StrategyRule = "notAdopted" | "evaluationYearOutsidePeriod" | "goalInUse" | "focusAreaInUse" | "unknownGoal";

/** A rule of the domain the request breaks; `code` names its text under `strategy:errors`. */
export class StrategyRuleError extends RuleBrokenError {
  constructor(readonly code: StrategyRule) {
    super(`strategy:errors.${code}`);
  }
}
