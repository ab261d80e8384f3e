import type { DB } from "../../db/connect";
import { listMeasuresWithUptake } from "../measure/measure.server";
import { findCurrentStrategy } from "../strategy/strategy.server";
import { listMembers } from "./members.server";
import type { CooperationScope } from "./scope.server";

export async function getCooperationOverview(db: DB, scope: CooperationScope) {
  const cooperation = await db
    .selectFrom("cooperation")
    .leftJoin("municipality", "municipality.id", "cooperation.host_municipality_id")
    .select(["cooperation.name", "cooperation.description", "cooperation.legal_form", "municipality.name as host_name"])
    .where("cooperation.id", "=", scope.cooperationId)
    .executeTakeFirstOrThrow();
  const members = await listMembers(db, { cooperationId: scope.cooperationId });
  const [strategy, measures] = await Promise.all([
    findCurrentStrategy(db, { cooperationId: scope.cooperationId }),
    listMeasuresWithUptake(db, { cooperationId: scope.cooperationId, memberIds: members.map((m) => m.municipalityId) }),
  ]);
  const municipalityName = scope.municipalityId
    ? members.find((m) => m.municipalityId === scope.municipalityId)?.name ?? null
    : null;
  return {
    cooperation: {
      name: cooperation.name,
      description: cooperation.description,
      legalForm: cooperation.legal_form,
      hostMunicipality: cooperation.host_name,
    },
    you: { roles: scope.roles, municipalityName },
    members,
    strategy,
    measures,
  };
}
