import type { UpdateResult } from "kysely";

/**
 * Optimistic concurrency: a form carries the `version` of the row it was built from, the update
 * is `... where version = :version` and sets `version + 1`. When someone else saved first, no row
 * matches and the save is refused instead of silently overwriting their change.
 */
export class StaleVersionError extends Error {
  constructor(readonly entity: string) {
    super(`${entity} was changed by someone else`);
  }
}

export function expectVersionedUpdate(result: UpdateResult, entity: string): void {
  if (result.numUpdatedRows !== 1n) throw new StaleVersionError(entity);
}
