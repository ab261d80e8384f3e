import { sql } from "kysely";
import { parseYear } from "@shared-schema/common";
import { osloToday } from "@shared-schema/dates";
import type { DB } from "../../db/connect";
import type { CooperationId } from "../cooperation/scope.server";

export interface PlanYears {
  /** every year the overviews can be shown for, ascending */
  all: number[];
  /** the year shown when none is asked for */
  default: number;
}

/**
 * The years with something to show: from the first measure period or report to the last measure
 * period or this year. The default is this year when a measure runs in it, else the latest year
 * a measure runs.
 */
export async function planYears(db: DB, { cooperationId }: { cooperationId: CooperationId }): Promise<PlanYears> {
  const thisYear = Number(osloToday().slice(0, 4));
  const [measures, reports] = await Promise.all([
    db
      .selectFrom("measure")
      .select([sql<number | null>`min(period_from)`.as("first"), sql<number | null>`max(period_to)`.as("last")])
      .where("cooperation_id", "=", cooperationId)
      .executeTakeFirst(),
    db
      .selectFrom("uptake_report")
      .select(sql<string | null>`min(effective_date)`.as("first"))
      .where("cooperation_id", "=", cooperationId)
      .executeTakeFirst(),
  ]);
  const firstReport = reports?.first ? Number(reports.first.slice(0, 4)) : null;
  const first = Math.min(...[measures?.first, firstReport, thisYear].filter((y): y is number => typeof y === "number"));
  const last = Math.max(measures?.last ?? thisYear, thisYear);
  const all: number[] = [];
  for (let y = first; y <= last; y++) all.push(y);
  const runsNow = await db
    .selectFrom("measure")
    .select("id")
    .where("cooperation_id", "=", cooperationId)
    .where((eb) => eb.or([eb("period_from", "is", null), eb("period_from", "<=", thisYear)]))
    .where((eb) => eb.or([eb("period_to", "is", null), eb("period_to", ">=", thisYear)]))
    .executeTakeFirst();
  return { all, default: runsNow ? thisYear : (measures?.last ?? thisYear) };
}

/** The year asked for in the URL if it is one of the years, else the default. */
export function yearParam(value: string | null, years: PlanYears): number {
  const asked = parseYear(value);
  return asked !== null && years.all.includes(asked) ? asked : years.default;
}
