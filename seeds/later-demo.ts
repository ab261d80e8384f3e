import { randomUUID } from "node:crypto";
import type { DB } from "../db/connect";
import type { Insertable } from "kysely";
import type { NewUptakeReport, ReportingRoundTable, RoundSubmissionTable } from "../db/schema";
import type { CooperationId } from "../app/cooperation/scope.server";
import { carryThrough, carryThroughDue } from "../app/succession/succession.server";
import { participation } from "../app/cooperation/participation.server";
import { addDays, osloToday } from "@shared-schema/dates";
import { LATER_COMMENTS, LATER_ROUNDS, LATER_STORIES, OPEN_ROUND } from "./later-content";
import { seedAmendedPlan, seedApprovedPlan, seedPlanOutForInput } from "./plan-demo";
import { seedPublishedReport } from "./report-demo";
import { OWN_REPORTERS, UPTAKE_CODES, UPTAKE_SCALE } from "./demo-uptake";

/*
 * eKommune Sunnmøre from 2016 to today, in the order it happened: each year's plan approved in
 * December, each year's status round, the mergers of 1 January 2020 carried through by the
 * secretariat on the day and the split of Ålesund on 1 January 2024 carried through by itself,
 * each followed by the year's plan amended for the new members;
 * now, this year's round open and next year's plan out for input. The rounds are checked against
 * the members and participants of their date before anything is written.
 */

const NARRATIVE_2019 = {
  summary:
    "2019 var det siste året med elleve kommunar i samarbeidet. Frå 1. januar 2020 er Ålesund, Ørskog, Skodje, Haram og Sandøy éin kommune, og Norddal og Stordal er Fjord kommune. Samarbeidet held fram med seks kommunar.",
  plan: "Handlingsplanen for 2019 tok inn tre nye tiltak: digital post, felles personvernombod og felles skuleadministrativt system.",
  matrix: "Digital post og personvernombodet er komne langt; skulesystemet er i gang i dei kommunane som er med.",
  costs: "Kostnadene for 2019 er fordelte på dei elleve kommunane etter nøklane i samarbeidsavtalen.",
  benefits: "Gevinstane av digital post er ikkje målte enno; portoutgiftene blir følgde frå 2020.",
};

const NARRATIVE_2025 = {
  summary:
    "2025 var det andre året etter at Haram vart eigen kommune att. Samarbeidet har sju kommunar, og velferdsteknologien er i bruk i fem av dei; Giske og Fjord er i gang.",
  plan: "Handlingsplanen for 2025 vart godkjend av rådmannsutvalet i desember 2024.",
  matrix: "Felles responssenter kom i drift; Haram har fått på plass eigen avtale om personvernombod.",
  costs: "Kostnadene er fordelte på dei sju kommunane; folketalet for Ålesund og Haram er rekna frå kommunane dei vart til av.",
  benefits: "Gevinstane av velferdsteknologien er ikkje målte enno; kommunane rapporterer dei første tala i 2026.",
};

interface Context {
  cooperationId: CooperationId;
  secretariatId: string;
  reporterOf: (number: string) => string;
  /** `${measure} ${municipality}` → how many of its statuses in LATER_STORIES are used */
  used: Map<string, number>;
}

export async function seedLaterYears(
  db: DB,
  { cooperationId, secretariatId }: { cooperationId: CooperationId; secretariatId: string },
): Promise<void> {
  const reporters = new Map<string, string>();
  for (const [number, email] of Object.entries(OWN_REPORTERS)) {
    reporters.set(number, (await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id);
  }
  const ctx: Context = { cooperationId, secretariatId, reporterOf: (n) => reporters.get(n) ?? secretariatId, used: new Map() };
  const today = osloToday();

  for (const year of [2016, 2017, 2018, 2019, 2020]) await seedApprovedPlan(db, year);
  await seedRound(db, ctx, 2019);
  await carryThrough(db, {
    cooperationId,
    date: "2020-01-01",
    actorId: secretariatId,
    today,
    now: new Date("2020-01-01T09:30:00Z"),
  });
  await seedAmendedPlan(db, {
    year: 2020,
    decidedOn: "2020-01-23",
    caseNumber: "2/20",
    text: "Rådmannsutvalet godkjenner handlingsplanen for 2020 på nytt, med kostnadene fordelte på kommunane etter samanslåingane 1. januar 2020.",
  });
  await seedPublishedReport(db, {
    cooperationId,
    secretariatId,
    year: 2019,
    narrative: NARRATIVE_2019,
    now: new Date("2020-02-13T10:00:00Z"),
  });
  for (const year of [2020, 2021, 2022, 2023]) {
    await seedRound(db, ctx, year);
    await seedApprovedPlan(db, year + 1);
  }
  await carryThroughDue(db, { cooperationId, before: today, actorId: null, today, now: new Date("2024-01-01T23:05:00Z") });
  await seedAmendedPlan(db, {
    year: 2024,
    decidedOn: "2024-01-25",
    caseNumber: "3/24",
    text: "Rådmannsutvalet godkjenner handlingsplanen for 2024 på nytt, med kostnadene fordelte på kommunane etter delinga av Ålesund 1. januar 2024.",
  });
  for (const year of [2024, 2025]) {
    await seedRound(db, ctx, year);
    await seedApprovedPlan(db, year + 1);
  }
  await seedPublishedReport(db, {
    cooperationId,
    secretariatId,
    year: 2025,
    narrative: NARRATIVE_2025,
    now: new Date("2026-02-12T10:00:00Z"),
  });
  await seedPlanOutForInput(db);
  await seedOpenRound(db, ctx);

  const unused = Object.entries(LATER_STORIES).flatMap(([measure, paths]) =>
    Object.entries(paths)
      .filter(([number, path]) => (ctx.used.get(`${measure} ${number}`) ?? 0) !== path.split(/\s+/).length)
      .map(([number]) => `measure ${measure}, ${number}: the story has statuses for rounds it was not in`),
  );
  if (unused.length) throw new Error(`demo rounds do not add up:\n  ${unused.join("\n  ")}`);
}

/** The members on the round's date, and each round measure with those of them taking part, by the portal's one participation rule. */
async function participantsOn(db: DB, cooperationId: CooperationId, date: string, numbers: number[]) {
  const taking = await participation(db, { cooperationId, date });
  const members = taking.size
    ? await db
        .selectFrom("municipality")
        .select(["id", "number"])
        .where("id", "in", [...taking.keys()])
        .orderBy("number")
        .execute()
    : [];
  const measures = await db
    .selectFrom("measure")
    .select(["id", "number"])
    .where("cooperation_id", "=", cooperationId)
    .where("number", "in", numbers)
    .execute();
  return {
    members,
    measures: numbers.map((number) => {
      const m = measures.find((x) => x.number === number)!;
      return { id: m.id, number, participants: members.filter((x) => taking.get(x.id)?.has(m.id)) };
    }),
  };
}

async function latestReport(db: DB, measureId: string, municipalityId: string) {
  return db
    .selectFrom("uptake_report")
    .select(["status", "seq"])
    .where("measure_id", "=", measureId)
    .where("municipality_id", "=", municipalityId)
    .orderBy("seq", "desc")
    .executeTakeFirst();
}

/** The closed round «Statusrapportering {year}»: every member reported on every round measure it takes part in, and submitted. */
async function seedRound(db: DB, ctx: Context, year: number): Promise<void> {
  const spec = LATER_ROUNDS.find((r) => r.year === year)!;
  const statusDate = `${year}-12-31`;
  const { members, measures } = await participantsOn(db, ctx.cooperationId, statusDate, spec.measures);
  const roundId = randomUUID();
  const problems: string[] = [];
  const reports: NewUptakeReport[] = [];
  for (const [m, measure] of measures.entries()) {
    for (const municipality of measure.participants) {
      const key = `${measure.number} ${municipality.number}`;
      const index = ctx.used.get(key) ?? 0;
      const token = LATER_STORIES[measure.number]?.[municipality.number]?.split(/\s+/)[index];
      const status = token ? UPTAKE_CODES[token] : undefined;
      if (!status) {
        problems.push(`${year}, measure ${measure.number}, ${municipality.number}: no status in the story`);
        continue;
      }
      ctx.used.set(key, index + 1);
      const previous = await latestReport(db, measure.id, municipality.id);
      const comment = LATER_COMMENTS[`${key} ${year}`] ?? "";
      if (previous && UPTAKE_SCALE.indexOf(status) < UPTAKE_SCALE.indexOf(previous.status) && !comment) {
        problems.push(
          `${year}, measure ${measure.number}, ${municipality.number}: goes back from ${previous.status} without a comment`,
        );
      }
      const day = 17 + members.findIndex((x) => x.id === municipality.id);
      reports.push({
        id: randomUUID(),
        cooperation_id: ctx.cooperationId,
        measure_id: measure.id,
        municipality_id: municipality.id,
        status,
        comment,
        effective_date: statusDate,
        reporter_id: ctx.reporterOf(municipality.number),
        round_id: roundId,
        seq: (previous?.seq ?? 0) + 1,
        created_at: `${year}-11-${day}T${String(8 + m).padStart(2, "0")}:15:00.000Z`,
      });
    }
  }
  if (problems.length) throw new Error(`demo round ${year} does not add up:\n  ${problems.join("\n  ")}`);

  await insertRound(db, {
    round: {
      id: roundId,
      cooperation_id: ctx.cooperationId,
      name: `Statusrapportering ${year}`,
      status_date: statusDate,
      deadline: `${year}-12-11`,
      reminder_days_before: 3,
      opened_at: `${year}-11-16T08:00:00.000Z`,
      closed_at: `${year + 1}-01-12T12:00:00.000Z`,
      closed_by: ctx.secretariatId,
      created_by: ctx.secretariatId,
      reminder_sent_at: `${year}-12-08T07:00:00.000Z`,
    },
    measureIds: measures.map((m) => m.id),
    reports,
    submissions: members.map((municipality, i) => ({
      id: randomUUID(),
      cooperation_id: ctx.cooperationId,
      round_id: roundId,
      municipality_id: municipality.id,
      submitted_at: `${year}-11-${17 + i}T16:30:00.000Z`,
      submitted_by: ctx.reporterOf(municipality.number),
      returned_at: null,
      returned_by: null,
      return_comment: null,
    })),
  });
}

/** At `hour` o'clock UTC on the day `days` from today in Norway. */
function daysFromNow(days: number, hour: number, minute = 0): { date: string; at: string } {
  const date = addDays(osloToday(), days);
  return { date, at: `${date}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00.000Z` };
}

/**
 * The round open now: answers given on working hours of their day, taking effect on that day
 * while the round's status date is ahead (as a report form starts from), and on it after; Haram's
 * submission returned by the secretariat the next morning.
 */
async function seedOpenRound(db: DB, ctx: Context): Promise<void> {
  const { members, measures } = await participantsOn(db, ctx.cooperationId, OPEN_ROUND.statusDate, OPEN_ROUND.measures);
  const roundId = randomUUID();
  const opened = daysFromNow(-OPEN_ROUND.openedDaysAgo, 8);
  const problems: string[] = [];
  const reports: NewUptakeReport[] = [];
  const submissions: Insertable<RoundSubmissionTable>[] = [];
  for (const [number, answering] of Object.entries(OPEN_ROUND.municipalities)) {
    const municipality = members.find((m) => m.number === number);
    if (!municipality) {
      problems.push(`${number} is not a member on ${OPEN_ROUND.statusDate}`);
      continue;
    }
    const answered = Object.keys(answering.answers).map(Number);
    for (const measure of measures) {
      const takesPart = measure.participants.some((p) => p.id === municipality.id);
      const token = answering.answers[measure.number];
      if (!takesPart) {
        if (token) problems.push(`${number} answers measure ${measure.number}, which it takes no part in`);
        continue;
      }
      if (!token) {
        if (answering.submission) problems.push(`${number} submitted without answering measure ${measure.number}`);
        continue;
      }
      const given = daysFromNow(-OPEN_ROUND.openedDaysAgo + answering.day, 8 + answered.indexOf(measure.number));
      const previous = await latestReport(db, measure.id, municipality.id);
      reports.push({
        id: randomUUID(),
        cooperation_id: ctx.cooperationId,
        measure_id: measure.id,
        municipality_id: municipality.id,
        status: UPTAKE_CODES[token]!,
        comment: "",
        effective_date: OPEN_ROUND.statusDate < given.date ? OPEN_ROUND.statusDate : given.date,
        reporter_id: ctx.reporterOf(number),
        round_id: roundId,
        seq: (previous?.seq ?? 0) + 1,
        created_at: given.at,
      });
    }
    if (!answering.submission) continue;
    const returned = answering.submission === "returned";
    submissions.push({
      id: randomUUID(),
      cooperation_id: ctx.cooperationId,
      round_id: roundId,
      municipality_id: municipality.id,
      submitted_at: daysFromNow(-OPEN_ROUND.openedDaysAgo + answering.day, 15, 30).at,
      submitted_by: ctx.reporterOf(number),
      returned_at: returned ? daysFromNow(-OPEN_ROUND.openedDaysAgo + answering.day + 1, 8, 15).at : null,
      returned_by: returned ? ctx.secretariatId : null,
      return_comment: returned ? OPEN_ROUND.returnComment : null,
    });
  }
  if (problems.length) throw new Error(`demo open round does not add up:\n  ${problems.join("\n  ")}`);

  await insertRound(db, {
    round: {
      id: roundId,
      cooperation_id: ctx.cooperationId,
      name: OPEN_ROUND.name,
      status_date: OPEN_ROUND.statusDate,
      deadline: addDays(osloToday(), OPEN_ROUND.deadlineInDays),
      reminder_days_before: 3,
      opened_at: opened.at,
      closed_at: null,
      closed_by: null,
      created_by: ctx.secretariatId,
      reminder_sent_at: null,
    },
    measureIds: measures.map((m) => m.id),
    reports,
    submissions,
  });
}

/** A round with the measures it asks about, the reports given in it and the municipalities' submissions. */
async function insertRound(
  db: DB,
  {
    round,
    measureIds,
    reports,
    submissions,
  }: {
    round: Insertable<ReportingRoundTable>;
    measureIds: string[];
    reports: NewUptakeReport[];
    submissions: Insertable<RoundSubmissionTable>[];
  },
): Promise<void> {
  await db.insertInto("reporting_round").values(round).execute();
  await db
    .insertInto("round_measure")
    .values(measureIds.map((measureId) => ({ round_id: round.id, measure_id: measureId })))
    .execute();
  if (reports.length) await db.insertInto("uptake_report").values(reports).execute();
  if (submissions.length) await db.insertInto("round_submission").values(submissions).execute();
}
