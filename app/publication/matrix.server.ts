import { randomUUID } from "node:crypto";
import type { DB } from "../../db/connect";
import { listMemberOptions } from "../measure/catalogue.server";
import { findMeasure } from "../measure/edit.server";
import { overviewCache } from "../overview/cache.server";
import { runsIn } from "../overview/matrix";
import { compactMatrix } from "../overview/matrix-body";
import { matrixMunicipalityIds } from "../overview/matrix-municipalities.server";
import { asOfDate, uptakeMatrix } from "../overview/overview.server";
import { planYears, yearParam } from "../overview/years.server";
import { historyAnchors } from "../uptake/history-anchors";
import { historyParts } from "../uptake/history-parts";
import { uptakeTimeline } from "../uptake/history.server";
import type { PublicScope } from "./public-scope.server";

/** The uptake matrix of a year as the public sees it: the same figures as inside, made once per data version. */
export async function publicMatrix(db: DB, scope: PublicScope, askedYear: string | null) {
  const { cooperationId } = scope;
  const cache = await overviewCache(db, cooperationId);
  const years = await cache.get("years", () => planYears(db, { cooperationId }));
  const year = yearParam(askedYear, years);
  const page = await cache.get(`public-matrix|${year}`, async () => {
    const { base, matrix } = await uptakeMatrix(db, { cooperationId, year });
    // names this computation: the table's body markup is cached per version
    return { version: randomUUID(), matrix: compactMatrix(matrix, historyAnchors(base.municipalities)) };
  });
  return { year, years: years.all, date: asOfDate(year), ...page };
}

/** What the public matrix can be opened at: every year it has, and the measures its rows link to in any of them. */
export async function publicMatrixIndex(db: DB, scope: PublicScope) {
  const { cooperationId } = scope;
  const cache = await overviewCache(db, cooperationId);
  const [years, measures] = await Promise.all([
    cache.get("years", () => planYears(db, { cooperationId })),
    db
      .selectFrom("measure")
      .select(["number", "period_from as periodFrom", "period_to as periodTo"])
      .where("cooperation_id", "=", cooperationId)
      .orderBy("number")
      .execute(),
  ]);
  return {
    years: years.all,
    measures: measures.filter((m) => years.all.some((year) => runsIn(m, year))).map((m) => m.number),
  };
}

/**
 * A measure and each municipality's uptake of it over time: the statuses and the dates they took
 * effect, without who reported them, their comments or their evidence.
 */
export async function publicMeasure(db: DB, scope: PublicScope, number: number) {
  const { cooperationId } = scope;
  const measure = await findMeasure(db, { cooperationId, number });
  if (!measure) return null;
  const [members, timelines, inMatrix] = await Promise.all([
    listMemberOptions(db, { cooperationId }),
    uptakeTimeline(db, { cooperationId, measureId: measure.id }),
    matrixMunicipalityIds(db, { cooperationId, measure }),
  ]);
  const numbers = new Map(members.map((m) => [m.municipalityId, m.number]));
  return {
    number: measure.number,
    name: measure.name,
    description: measure.description,
    status: measure.status,
    periodFrom: measure.periodFrom ?? null,
    periodTo: measure.periodTo ?? null,
    history: historyParts(members, timelines, inMatrix).map((part) => ({
      name: part.name,
      /** the name, with the number when two municipalities of the history share it */
      label: part.label,
      municipalityNumber: numbers.get(part.municipalityId) ?? null,
      anchor: part.anchor ?? null,
      entries: part.entries?.map((e) => ({ id: e.id, from: e.from, to: e.to, effectiveDate: e.effectiveDate })) ?? null,
    })),
  };
}
