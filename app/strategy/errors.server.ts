/** Typed refusals of the strategy data layer; routes map them to 404, a form error or a toast. */

export class StrategyNotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found in this cooperation`);
  }
}

/** An adopted or archived strategy's content cannot change; a revision is the way to change it. */
export class StrategyFrozenError extends Error {
  constructor(
    readonly strategyId: string,
    readonly status: string,
  ) {
    super(`strategy ${strategyId} is ${status} and cannot be changed`);
  }
}

export type StrategyRule = "notAdopted" | "evaluationYearOutsidePeriod" | "goalInUse" | "focusAreaInUse" | "unknownGoal";

/** A rule of the domain the request breaks; `code` is a key under `strategy.errors.*`. */
export class StrategyRuleError extends Error {
  constructor(readonly code: StrategyRule) {
    super(`strategy rule broken: ${code}`);
  }
}
