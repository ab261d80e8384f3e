import type { DB } from "../../db/connect";
import { listMeasuresWithUptake } from "../measure/measure.server";
import { overviewCache } from "./cache.server";
import { findCurrentStrategy } from "../strategy/strategy.server";
import { listMembers } from "../cooperation/members.server";
import type { CooperationId, CooperationScope } from "../cooperation/scope.server";

/**
 * The cooperation's front page: what every member sees, computed once per data version (the
 * measures' uptake today reads every report of the cooperation), and the reader's own roles.
 */
export async function getCooperationOverview(db: DB, scope: CooperationScope) {
  const cache = await overviewCache(db, scope.cooperationId);
  const shared = await cache.get("cooperation-overview", () => loadOverview(db, scope.cooperationId));
  const municipalityName = scope.municipalityId
    ? (shared.members.find((m) => m.municipalityId === scope.municipalityId)?.name ?? null)
    : null;
  return { ...shared, you: { roles: scope.roles, municipalityName } };
}

async function loadOverview(db: DB, cooperationId: CooperationId) {
  const cooperation = await db
    .selectFrom("cooperation")
    .leftJoin("municipality", "municipality.id", "cooperation.host_municipality_id")
    .select(["cooperation.name", "cooperation.description", "cooperation.legal_form", "municipality.name as host_name"])
    .where("cooperation.id", "=", cooperationId)
    .executeTakeFirstOrThrow();
  const members = await listMembers(db, { cooperationId });
  const [strategy, measures] = await Promise.all([
    findCurrentStrategy(db, { cooperationId }),
    listMeasuresWithUptake(db, { cooperationId }),
  ]);
  return {
    cooperation: {
      name: cooperation.name,
      description: cooperation.description,
      legalForm: cooperation.legal_form,
      hostMunicipality: cooperation.host_name,
    },
    members,
    strategy,
    measures,
  };
}
