import { describe, expect, it } from "vitest";
import { OpenRoundSchema, RoundActionSchema } from "@shared-schema/round";
import { BulkUptakeSchema, UptakeReportSchema, isBackwards } from "@shared-schema/uptake";
import { osloToday } from "@shared-schema/dates";
import {
  maySubmit,
  municipalityProgress,
  needsReminder,
  reminderDate,
  reminderDue,
  type Submission,
} from "../../app/round/round";
import { parseForm } from "../../app/utils/parse-form";

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const x of [v].flat()) data.append(k, x);
  return data;
};

describe("status scale", () => {
  it("a step down is backwards, a step up or a first report is not", () => {
    expect(isBackwards("in_use", "in_progress")).toBe(true);
    expect(isBackwards("realised", "not_relevant")).toBe(true);
    expect(isBackwards("planned", "in_use")).toBe(false);
    expect(isBackwards("in_use", "in_use")).toBe(false);
    expect(isBackwards(null, "not_started")).toBe(false);
    expect(isBackwards(undefined, "not_relevant")).toBe(false);
  });

  it("today is the date in Norway, not in UTC", () => {
    expect(osloToday(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
    expect(osloToday(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
    expect(osloToday(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
  });
});

describe("round completeness", () => {
  const round = ["m1", "m2", "m3"];
  const progress = (takesPart: string[], answered: string[], submission: Submission | null = null) =>
    municipalityProgress({
      municipalityId: "x",
      roundMeasureIds: round,
      takesPart: new Set(takesPart),
      answered: new Set(answered),
      submission,
    });
  const submitted: Submission = { submittedAt: "2026-11-20T10:00:00Z", returnedAt: null, returnComment: null };
  const returned: Submission = {
    submittedAt: "2026-11-20T10:00:00Z",
    returnedAt: "2026-11-21T08:00:00Z",
    returnComment: "Sjå på 2",
  };

  it("asks only about the round's measures the municipality takes part in", () => {
    const p = progress(["m1", "m3", "other"], []);
    expect(p.asked).toEqual(["m1", "m3"]);
    expect(p.missing).toEqual(["m1", "m3"]);
    expect(p.state).toBe("missing");
  });

  it("missing → partial → complete → submitted, and returned until sent again", () => {
    expect(progress(round, ["m1"]).state).toBe("partial");
    expect(progress(round, round).state).toBe("complete");
    expect(progress(round, round, submitted).state).toBe("submitted");
    expect(progress(round, round, returned).state).toBe("returned");
  });

  it("a municipality in none of the round's measures is not asked and never reminded", () => {
    const p = progress(["other"], []);
    expect(p.state).toBe("not_asked");
    expect(needsReminder(p)).toBe(false);
    expect(maySubmit(p)).toBe(false);
  });

  it("reminds everyone asked who has not submitted; submitting needs every answer", () => {
    expect(needsReminder(progress(round, []))).toBe(true);
    expect(needsReminder(progress(round, round))).toBe(true);
    expect(needsReminder(progress(round, round, returned))).toBe(true);
    expect(needsReminder(progress(round, round, submitted))).toBe(false);
    expect(maySubmit(progress(round, ["m1", "m2"]))).toBe(false);
    expect(maySubmit(progress(round, round))).toBe(true);
    expect(maySubmit(progress(round, round, submitted))).toBe(false);
    expect(maySubmit(progress(round, round, returned))).toBe(true);
  });
});

describe("reminder scheduling", () => {
  const open = { deadline: "2026-12-06", reminderDaysBefore: 3, reminderSentAt: null, closedAt: null };

  it("falls the chosen number of days before the deadline, across month ends", () => {
    expect(reminderDate(open)).toBe("2026-12-03");
    expect(reminderDate({ deadline: "2027-03-02", reminderDaysBefore: 3 })).toBe("2027-02-27");
    expect(reminderDate({ deadline: "2026-12-06", reminderDaysBefore: 0 })).toBe("2026-12-06");
    expect(reminderDate({ deadline: "2026-12-06", reminderDaysBefore: null })).toBeNull();
  });

  it("is due from its day through the deadline, once, while the round is open", () => {
    expect(reminderDue(open, "2026-12-02")).toBe(false);
    expect(reminderDue(open, "2026-12-03")).toBe(true);
    expect(reminderDue(open, "2026-12-06")).toBe(true);
    expect(reminderDue(open, "2026-12-07")).toBe(false);
    expect(reminderDue({ ...open, reminderSentAt: "2026-12-03T06:00:00Z" }, "2026-12-04")).toBe(false);
    expect(reminderDue({ ...open, closedAt: "2026-12-01T12:00:00Z" }, "2026-12-04")).toBe(false);
    expect(reminderDue({ ...open, reminderDaysBefore: null }, "2026-12-04")).toBe(false);
  });
});

describe("uptake forms", () => {
  it("a step back in the table needs a comment on that row", () => {
    const result = parseForm(
      form({
        effectiveDate: "2024-05-01",
        "rows[0].measureId": "a",
        "rows[0].currentStatus": "planned",
        "rows[0].status": "in_use",
        "rows[1].measureId": "b",
        "rows[1].currentStatus": "in_use",
        "rows[1].status": "in_progress",
      }),
      { schema: BulkUptakeSchema },
    );
    expect(result.status).toBe("error");
    expect(result.reply().error).toEqual({ "rows[1].comment": ["uptake:validation.backwardsNeedsComment"] });
  });

  it("refuses a date in the future and keeps what was typed", () => {
    const result = parseForm(
      form({ effectiveDate: "2999-01-01", "rows[0].measureId": "a", "rows[0].status": "in_use", "rows[0].comment": "Ok" }),
      { schema: BulkUptakeSchema },
    );
    const reply = result.reply();
    expect(reply.error).toEqual({ effectiveDate: ["uptake:validation.futureDate"] });
    expect(reply.initialValue).toMatchObject({ rows: [{ comment: "Ok" }] });
  });

  it("reads realised benefits as whole numbers and drops blank rows", () => {
    const ok = parseForm(
      form({
        status: "realised",
        effectiveDate: "2024-05-01",
        evidenceUrl: "https://giske.kommune.no/sak/45-14",
        "benefits[0].benefitId": "b1",
        "benefits[0].amount": "1 100",
        "benefits[1].benefitId": "b2",
      }),
      { schema: UptakeReportSchema },
    );
    expect(ok.status).toBe("success");
    if (ok.status === "success") {
      expect(ok.value.benefits).toEqual([{ benefitId: "b1", amount: 1100 }]);
      expect(ok.value.evidenceUrl).toBe("https://giske.kommune.no/sak/45-14");
      expect(ok.value.decisionReference).toBeNull();
    }
    const bad = parseForm(
      form({
        status: "realised",
        effectiveDate: "2024-05-01",
        evidenceUrl: "javascript:alert(1)",
        "benefits[0].benefitId": "b1",
        "benefits[0].amount": "mykje",
      }),
      { schema: UptakeReportSchema },
    );
    expect(bad.reply().error).toEqual({
      evidenceUrl: ["measure:validation.url"],
      "benefits[0].amount": ["measure:validation.wholeNumber"],
    });
  });

  it("a round needs a name, a status date, a deadline not in the past and at least one measure", () => {
    const bad = parseForm(form({ name: " ", deadline: "2000-01-01", reminderDaysBefore: "90" }), { schema: OpenRoundSchema });
    expect(bad.reply().error).toEqual({
      name: ["common:validation.required"],
      statusDate: ["common:validation.required"],
      deadline: ["round:validation.deadlinePast"],
      reminderDaysBefore: ["round:validation.reminderDays"],
      measures: ["round:validation.measures"],
    });
    const late = parseForm(form({ name: "Status ved nyttår", statusDate: "2099-12-31", deadline: "2099-01-15", measures: "m" }), {
      schema: OpenRoundSchema,
    });
    expect(late.reply().error).toEqual({ statusDate: ["round:validation.statusDateAfterDeadline"] });
    const returned = parseForm(form({ intent: "return", municipalityId: "m" }), { schema: RoundActionSchema });
    expect(returned.reply().error).toEqual({ comment: ["round:validation.returnComment"] });
  });
});
