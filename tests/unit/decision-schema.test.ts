import { describe, expect, it } from "vitest";
import { osloToday } from "@shared-schema/dates";
import { PlanDecisionSchema } from "@shared-schema/plan";
import { AdoptionSchema } from "@shared-schema/strategy";
import { parseForm } from "../../app/utils/parse-form";

/*
 * The decision's fields as the plan's approval and return and the strategy's adoption parse them,
 * in the browser and on the server: a case number as archives write it, a decision text of some
 * substance, and no date after Norway's today.
 */

const VALID = {
  body: "chief_executives",
  decidedOn: "2013-12-05",
  caseNumber: "14/13",
  text: "Planen er godkjend.",
  version: "3",
};

function parse(schema: typeof PlanDecisionSchema | typeof AdoptionSchema, fields: Partial<Record<keyof typeof VALID, string>>) {
  const submission = parseForm(new URLSearchParams({ ...VALID, ...fields }), { schema });
  return submission.status === "success"
    ? { value: submission.value, errors: {} }
    : { value: null, errors: submission.reply().error ?? {} };
}

/** The day after `iso`, as yyyy-mm-dd. */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe.each([
  { name: "plan decision", schema: PlanDecisionSchema },
  { name: "strategy adoption", schema: AdoptionSchema },
])("$name", ({ schema }) => {
  it.each([
    ["14/15", "14/15"],
    ["2015/1234", "2015/1234"],
    ["2013/45-3", "2013/45-3"],
    [" 14 / 15 ", "14/15"],
    ["2015 /1234 - 2", "2015/1234-2"],
    ["", null],
  ])("takes the case number %j as %j", (typed, stored) => {
    expect(parse(schema, { caseNumber: typed }).value?.caseNumber).toBe(stored);
  });

  it.each(["abc", "15/7", "1/2015", "14-15", "2015/", "/15", "14/15/16", "sak 14/15", "3015/1234"])(
    "refuses the case number %j with the format in the message",
    (typed) => {
      expect(parse(schema, { caseNumber: typed }).errors).toEqual({ caseNumber: ["decision:validation.caseNumber"] });
    },
  );

  it("refuses a decision text of a few letters, and says an empty one is missing", () => {
    expect(parse(schema, { text: "x" }).errors).toEqual({ text: ["decision:validation.textTooShort"] });
    expect(parse(schema, { text: "Godkjent" }).errors).toEqual({ text: ["decision:validation.textTooShort"] });
    expect(parse(schema, { text: "   " }).errors).toEqual({ text: ["common:validation.required"] });
    expect(parse(schema, { text: "Godkjent ." }).value?.text).toBe("Godkjent .");
  });

  it("takes today's and earlier decisions (entered after the fact), not tomorrow's", () => {
    const today = osloToday();
    expect(parse(schema, { decidedOn: today }).value?.decidedOn).toBe(today);
    expect(parse(schema, { decidedOn: "1999-06-30" }).value?.decidedOn).toBe("1999-06-30");
    expect(parse(schema, { decidedOn: nextDay(today) }).errors).toEqual({ decidedOn: ["decision:validation.futureDate"] });
    expect(parse(schema, { decidedOn: "2099-01-01" }).errors).toEqual({ decidedOn: ["decision:validation.futureDate"] });
  });
});
