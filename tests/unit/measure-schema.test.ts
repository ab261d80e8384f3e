import { describe, expect, it } from "vitest";
import { parseNok } from "@shared-schema/common";
import { MeasureFormSchema, parsePercent, toMeasureInput } from "@shared-schema/measure";
import { parseForm } from "../../app/utils/parse-form";

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

const BASE: [string, string][] = [
  ["number", "12"],
  ["name", "Felles sak/arkiv"],
  ["goals", "goal-1"],
  ["costKey", "equal"],
  ["participation", "chosen"],
  ["status", "planned"],
  ["members[0].id", "a"],
  ["members[0].selected", "on"],
  ["members[1].id", "b"],
  ["members[1].selected", "on"],
  ["members[2].id", "c"],
];

/** BASE with `extra` replacing the fields of the same name */
function withBase(extra: [string, string][]): [string, string][] {
  return BASE.filter(([k]) => !extra.some(([e]) => e === k)).concat(extra);
}

function errorsOf(entries: [string, string][]) {
  const submission = parseForm(form(entries), { schema: MeasureFormSchema });
  return submission.status === "success" ? {} : (submission.reply().error ?? {});
}

describe("NOK input", () => {
  it.each([
    ["1 250 000", 125_000_000],
    ["1 250 000,50", 125_000_050],
    ["1\u00a0250\u00a0000,5", 125_000_050],
    ["1.250.000", 125_000_000],
    ["1.250.000,75", 125_000_075],
    ["kr 900", 90_000],
    ["900 kr", 90_000],
    ["1 000,-", 100_000],
    ["0", 0],
    ["12.5", 1_250],
  ])("%s → %i øre", (input, ore) => expect(parseNok(input)).toBe(ore));

  it.each(["", "abc", "-100", "1,2,3", "1 000,505", "1.25.000", "12,5kr5"])("rejects %j", (input) =>
    expect(parseNok(input)).toBeNull(),
  );

  it("reports a bad amount with the message key and keeps what was typed", () => {
    const submission = parseForm(form(withBase([["investmentCost", "mange pengar"]])), { schema: MeasureFormSchema });
    expect(submission.status).toBe("error");
    const reply = submission.reply();
    expect(reply.error?.investmentCost).toEqual(["common:validation.nok"]);
    expect((reply.initialValue as Record<string, unknown>).investmentCost).toBe("mange pengar");
  });
});

describe("custom percentages", () => {
  it("parses Norwegian percentages to basis points", () => {
    expect(parsePercent("33,34")).toBe(3334);
    expect(parsePercent("30 %")).toBe(3000);
    expect(parsePercent("100")).toBe(10_000);
    expect(parsePercent("100,01")).toBeNull();
    expect(parsePercent("1,234")).toBeNull();
  });

  it("rejects shares that do not sum to exactly 100 % with measure.validation.customSum", () => {
    const errors = errorsOf(
      withBase([
        ["costKey", "custom"],
        ["members[0].percent", "50"],
        ["members[1].percent", "49,99"],
      ]),
    );
    expect(errors.members).toEqual(["measure:validation.customSum"]);
    const over = errorsOf(
      withBase([
        ["costKey", "custom"],
        ["members[0].percent", "60"],
        ["members[1].percent", "40,01"],
      ]),
    );
    expect(over.members).toEqual(["measure:validation.customSum"]);
  });

  it("accepts shares that sum to 100 % and stores basis points for the chosen participants only", () => {
    const submission = parseForm(
      form(
        withBase([
          ["costKey", "custom"],
          ["members[0].percent", "66,67"],
          ["members[1].percent", "33,33"],
          ["members[2].percent", "10"],
        ]),
      ),
      { schema: MeasureFormSchema },
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    const input = toMeasureInput(submission.value);
    expect(input.participants).toEqual([
      { municipalityId: "a", customShareBp: 6667, fromYear: null, toYear: null },
      { municipalityId: "b", customShareBp: 3333, fromYear: null, toYear: null },
    ]);
  });

  it("asks for a share for every participant", () => {
    const errors = errorsOf(
      withBase([
        ["costKey", "custom"],
        ["members[0].percent", "100"],
      ]),
    );
    expect(errors["members[1].percent"]).toEqual(["measure:validation.customMissing"]);
  });
});

describe("the rest of the measure form", () => {
  it("accepts a complete measure", () => {
    const submission = parseForm(form(BASE), { schema: MeasureFormSchema });
    expect(submission.status).toBe("success");
  });
  it.each<[string, [string, string][], string, string]>([
    [
      "period to before from",
      [
        ["periodFrom", "2016"],
        ["periodTo", "2013"],
      ],
      "periodTo",
      "measure:validation.periodOrder",
    ],
    ["year out of range", [["periodFrom", "1899"]], "periodFrom", "common:validation.year"],
    [
      "mixed equal part above 100",
      [
        ["costKey", "mixed"],
        ["equalPercent", "130"],
      ],
      "equalPercent",
      "measure:validation.equalPercent",
    ],
    ["mixed without equal part", [["costKey", "mixed"]], "equalPercent", "measure:validation.equalPercent"],
    [
      "a link that is not a URL",
      [
        ["links[0].title", "Sak"],
        ["links[0].url", "javascript:alert(1)"],
      ],
      "links[0].url",
      "measure:validation.url",
    ],
    [
      "a benefit amount without unit",
      [
        ["benefits[0].description", "Tid"],
        ["benefits[0].amount", "100"],
      ],
      "benefits[0].unit",
      "measure:validation.unit",
    ],
  ])("rejects %s", (_, extra, field, key) => {
    expect(errorsOf(withBase(extra))[field]).toEqual([key]);
  });
  it("needs something the measure supports and at least one participant", () => {
    const errors = errorsOf(BASE.filter(([k]) => k !== "goals" && !k.endsWith("selected")));
    expect(errors.focusAreas).toEqual(["measure:validation.supportRequired"]);
    expect(errors.members).toEqual(["measure:validation.participantsRequired"]);
  });
});

describe("systems phased out", () => {
  it("belong to a measure that brings in a system: refused, not dropped, without the box ticked", () => {
    expect(errorsOf(withBase([["phasedOutSystems", "Gamalt sakssystem"]]))).toEqual({
      phasedOutSystems: ["measure:validation.phasedOutWithoutSystem"],
    });
    expect(
      errorsOf(
        withBase([
          ["phasedOutSystems", "Gamalt sakssystem"],
          ["introducesSystem", "on"],
        ]),
      ),
    ).toEqual({});
  });
});
