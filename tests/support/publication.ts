import type { DB } from "../../db/connect";
import { getPublicationSettings, updatePublicationSettings } from "../../app/publication/settings.server";
import type { PublicPart } from "../../shared-schema/publication";
import { cooperationIdOf, userIdByEmail } from "./queries";

/** Publishes exactly `parts` of a cooperation, as its secretariat does on the settings page. */
export async function publishParts(db: DB, slug: string, secretariat: string, parts: readonly PublicPart[]) {
  const cooperationId = await cooperationIdOf(db, slug);
  const settings = await getPublicationSettings(db, cooperationId);
  await updatePublicationSettings(
    db,
    { cooperationId, userId: await userIdByEmail(db, secretariat) },
    {
      version: settings.version,
      values: {
        parts: [...parts],
        organisationNumber: settings.organisationNumber,
        contactName: settings.contactName,
        contactEmail: settings.contactEmail,
        accessibilityStatementUrl: settings.accessibilityStatementUrl,
      },
    },
  );
}
