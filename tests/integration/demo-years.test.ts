import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { findPlanByYear } from "../../app/plan/plan.server";
import { approvedPlan, reportDocument } from "../../app/report/report.server";
import { PLAN_OUT_FOR_INPUT } from "../../seeds/plan-demo";
import { LATER_ROUNDS } from "../../seeds/later-content";
import { freshDemoEach, testDatabases } from "../support/databases";
import { cooperationIdOf } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";

/*
 * The demo's eKommune Sunnmøre from 2013 to today, on both sides of the changes of its map: a plan
 * for every year, a round for every year from 2019 answered by that year's members, and plans and
 * reports that keep the members they were approved or published with.
 */

const BEFORE_2020 = ["1504", "1523", "1524", "1525", "1526", "1528", "1529", "1531", "1532", "1534", "1546"];
const FROM_2020 = ["1507", "1525", "1528", "1531", "1532", "1578"];
const FROM_2024 = ["1508", "1525", "1528", "1531", "1532", "1578", "1580"];

describe.each(testDatabases())("the demo's years on $name", (database) => {
  const demo = freshDemoEach(database);
  let db: DB;
  let cooperationId: CooperationId;

  beforeEach(async () => {
    db = demo.db;
    cooperationId = await cooperationIdOf(db, "ekommune-sunnmore");
  });

  /** The municipality numbers an approved plan's measure shares its costs among. */
  const planShares = async (year: number, measure: number) => {
    const snapshot = (await approvedPlan(db, { cooperationId, year }))!;
    const item = snapshot.items.find((i) => i.measure.number === measure)!;
    expect(item.shares.ok, `plan ${year}, measure ${measure}`).toBe(true);
    return item.shares.rows.map((r) => r.number).sort();
  };

  it("has an approved plan for every year up to this one, and next year's out for input", async () => {
    for (let year = 2013; year < PLAN_OUT_FOR_INPUT; year++) {
      const plan = await findPlanByYear(db, { cooperationId, year });
      expect(
        plan?.versions.map((v) => v.status),
        String(year),
      ).toEqual(["approved"]);
    }
    const next = await findPlanByYear(db, { cooperationId, year: PLAN_OUT_FOR_INPUT });
    expect(next?.versions.map((v) => v.status)).toEqual(["input"]);
  });

  it("each approved plan keeps the members of the day it was approved", async () => {
    // the 2020 plan was approved in December 2019, before the mergers: it shares among the eleven
    expect(await planShares(2020, 12)).toEqual(BEFORE_2020);
    expect(await planShares(2021, 12)).toEqual(FROM_2020);
    expect(await planShares(2025, 12)).toEqual(FROM_2024);
    // chosen participants: the successors of the ones that chose the measure
    expect(await planShares(2019, 13)).toEqual(["1504", "1524", "1529", "1531", "1532", "1534"]);
    expect(await planShares(2021, 13)).toEqual(["1507", "1531", "1532", "1578"]);
    expect(await planShares(2025, 13)).toEqual(["1508", "1531", "1532", "1578", "1580"]);
  });

  it("each published report keeps the members of its year", async () => {
    const members = async (year: number) =>
      (await reportDocument(db, { cooperationId, year, language: "nn" }))!.figures.matrix.municipalities
        .map((m) => m.number)
        .sort();
    expect(await members(2019)).toEqual(BEFORE_2020);
    expect(await members(2025)).toEqual(FROM_2024);
  });

  it("every year's round from 2019 is closed, and submitted by that year's members and no one else", async () => {
    const rounds = await db
      .selectFrom("reporting_round")
      .innerJoin("round_submission", "round_submission.round_id", "reporting_round.id")
      .innerJoin("municipality", "municipality.id", "round_submission.municipality_id")
      .select(["reporting_round.name", "reporting_round.closed_at", "municipality.number"])
      .where("reporting_round.cooperation_id", "=", cooperationId)
      .where("reporting_round.status_date", ">=", "2019-12-31")
      .where("reporting_round.closed_at", "is not", null)
      .execute();
    for (const { year } of LATER_ROUNDS) {
      const expected = year < 2020 ? BEFORE_2020 : year < 2024 ? FROM_2020 : FROM_2024;
      const submitted = rounds.filter((r) => r.name === `Statusrapportering ${year}`).map((r) => r.number);
      expect(submitted.sort(), String(year)).toEqual(expected);
    }
  });
});
