import type { DB } from "../../db/connect";
import { getPublicationSettings, updatePublicationSettings } from "../../app/publication/settings.server";
import { PUBLIC_PARTS, type PublicationSettingsInput, type PublicPart } from "../../shared-schema/publication";
import { cooperationIdOf, userIdByEmail } from "./queries";

/**
 * Changes a cooperation's publication settings as its secretariat does on the settings page,
 * keeping what `change` does not name; returns the values they had before.
 */
export async function changePublicationSettings(
  db: DB,
  slug: string,
  secretariat: string,
  change: Partial<PublicationSettingsInput>,
): Promise<PublicationSettingsInput> {
  const cooperationId = await cooperationIdOf(db, slug);
  const settings = await getPublicationSettings(db, cooperationId);
  const before: PublicationSettingsInput = {
    parts: PUBLIC_PARTS.filter((part) => settings.published[part]),
    organisationNumber: settings.organisationNumber,
    contactName: settings.contactName,
    contactEmail: settings.contactEmail,
    accessibilityStatementUrl: settings.accessibilityStatementUrl,
  };
  await updatePublicationSettings(
    db,
    { cooperationId, userId: await userIdByEmail(db, secretariat) },
    { version: settings.version, values: { ...before, ...change } },
  );
  return before;
}

/** Publishes exactly `parts` of a cooperation, as its secretariat does on the settings page. */
export async function publishParts(db: DB, slug: string, secretariat: string, parts: readonly PublicPart[]) {
  await changePublicationSettings(db, slug, secretariat, { parts: [...parts] });
}
