import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";

type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditInput {
  cooperationId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit trail; call it inside the same transaction as the change it records. */
export async function recordAudit(executor: Executor, input: AuditInput): Promise<void> {
  await executor
    .insertInto("audit_event")
    .values({
      id: randomUUID(),
      cooperation_id: input.cooperationId,
      actor_id: input.actorId,
      action: input.action,
      entity_type: input.entityType,
      entity_id: input.entityId,
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      created_at: new Date().toISOString(),
    })
    .execute();
}
