import type { DB } from "../../db/connect";
import type { PublicationSettingsInput } from "@shared-schema/publication";
import { recordAudit } from "../audit/audit.server";
import type { CooperationId } from "../cooperation/scope.server";
import { expectVersionedUpdate, transact } from "../utils/concurrency.server";
import { StaleVersionError } from "../utils/errors.server";
import { PART_COLUMNS, PUBLIC_PARTS, publishedFrom, type Published } from "./parts";

/*
 * What a cooperation publishes, and the details its open-data catalogue names. Changed only by
 * the secretariat, checked against the cooperation's version, audited with before and after.
 */

export interface PublicationSettings extends Omit<PublicationSettingsInput, "parts"> {
  published: Published;
  version: number;
}

interface Scope {
  cooperationId: CooperationId;
  userId: string;
}

const COLUMNS = [
  ...Object.values(PART_COLUMNS),
  "organisation_number",
  "contact_name",
  "contact_email",
  "accessibility_statement_url",
  "version",
] as const;

export async function getPublicationSettings(db: DB, cooperationId: CooperationId): Promise<PublicationSettings> {
  const row = await db.selectFrom("cooperation").select(COLUMNS).where("id", "=", cooperationId).executeTakeFirstOrThrow();
  return {
    published: publishedFrom(row),
    organisationNumber: row.organisation_number,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    accessibilityStatementUrl: row.accessibility_statement_url,
    version: row.version,
  };
}

const flag = (on: boolean) => (on ? 1 : 0) as 0 | 1;

function toRow(values: PublicationSettingsInput) {
  return {
    ...(Object.fromEntries(PUBLIC_PARTS.map((part) => [PART_COLUMNS[part], flag(values.parts.includes(part))])) as Record<
      (typeof PART_COLUMNS)[keyof typeof PART_COLUMNS],
      0 | 1
    >),
    organisation_number: values.organisationNumber,
    contact_name: values.contactName,
    contact_email: values.contactEmail,
    accessibility_statement_url: values.accessibilityStatementUrl,
  };
}

/**
 * Saves the settings as the form sent them. Sent back unchanged, nothing is written: no new
 * version, no audit event. Returns whether anything changed.
 */
export async function updatePublicationSettings(
  db: DB,
  scope: Scope,
  input: { version: number; values: PublicationSettingsInput },
): Promise<boolean> {
  return transact(db, async (trx) => {
    const before = await trx
      .selectFrom("cooperation")
      .select(COLUMNS)
      .where("id", "=", scope.cooperationId)
      .executeTakeFirstOrThrow();
    const after = toRow(input.values);
    const changed = (Object.keys(after) as Array<keyof typeof after>).filter((key) => before[key] !== after[key]);
    if (before.version !== input.version) throw new StaleVersionError("cooperation");
    if (changed.length === 0) return false;
    const result = await trx
      .updateTable("cooperation")
      .set((eb) => ({ ...after, version: eb("version", "+", 1), updated_at: new Date().toISOString() }))
      .where("id", "=", scope.cooperationId)
      .where("version", "=", input.version)
      .executeTakeFirst();
    expectVersionedUpdate(result, "cooperation");
    await recordAudit(trx, {
      cooperationId: scope.cooperationId,
      actorId: scope.userId,
      action: "cooperation.publication_changed",
      entityType: "cooperation",
      entityId: scope.cooperationId,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, after[key]])),
    });
    return true;
  });
}
