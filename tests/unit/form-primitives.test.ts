import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseYear } from "@shared-schema/common";
import { MeasureFormSchema, parseMeasureFilters } from "@shared-schema/measure";
import { AddPlanItemSchema, CreatePlanSchema, InputDeadlineSchema, PlanItemSchema } from "@shared-schema/plan";
import { CreateReportSchema, PublishReportSchema } from "@shared-schema/report";
import { OpenRoundSchema, RoundActionSchema } from "@shared-schema/round";
import { EvaluationSchema, StrategyIntentSchema, StrategySchema } from "@shared-schema/strategy";
import { SubmitRoundSchema } from "@shared-schema/uptake";
import { WeightsSchema } from "@shared-schema/overview";
import { en, nb, nn } from "../support/texts";
import { parseForm } from "../../app/utils/parse-form";

/*
 * A year, an amount, a row's id and version and a date are refused alike in every form that
 * has one, with the same translated message, however the form is built around them.
 */

function errorOf(schema: z.ZodType, entries: [string, string][], field: string): string[] | undefined {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  const submission = parseForm(data, { schema });
  return submission.status === "success" ? undefined : ((submission.reply().error ?? {})[field] ?? undefined);
}

const YEAR_FIELDS: [string, z.ZodType, string, [string, string][]][] = [
  ["measure period", MeasureFormSchema, "periodFrom", []],
  ["measure participation", MeasureFormSchema, "members[0].fromYear", [["members[0].id", "m-1"]]],
  ["plan", CreatePlanSchema, "year", [["mode", "empty"]]],
  [
    "plan item period",
    PlanItemSchema,
    "periodTo",
    [
      ["itemId", "i-1"],
      ["version", "1"],
    ],
  ],
  [
    "strategy period",
    StrategySchema,
    "periodFrom",
    [
      ["title", "Digitaliseringsstrategi"],
      ["version", "1"],
    ],
  ],
  ["report", CreateReportSchema, "year", []],
];

const VERSION_FIELDS: [string, z.ZodType, string, [string, string][]][] = [
  ["measure", MeasureFormSchema, "version", []],
  ["plan item", AddPlanItemSchema, "version", [["measureId", "m-1"]]],
  ["plan deadline", InputDeadlineSchema, "version", [["inputDeadline", "2030-01-01"]]],
  ["strategy", StrategySchema, "version", []],
  [
    "strategy button",
    StrategyIntentSchema,
    "version",
    [
      ["intent", "removeGoal"],
      ["id", "g-1"],
    ],
  ],
  ["report", PublishReportSchema, "version", [["intent", "publish"]]],
  [
    "progress weights",
    WeightsSchema,
    "rows[0].version",
    [
      ["rows[0].measureId", "m-1"],
      ["rows[0].weight", "1"],
    ],
  ],
];

const ID_FIELDS: [string, z.ZodType, string, [string, string][]][] = [
  ["plan item", AddPlanItemSchema, "measureId", [["version", "1"]]],
  ["round", SubmitRoundSchema, "roundId", []],
  [
    "round action",
    RoundActionSchema,
    "municipalityId",
    [
      ["intent", "return"],
      ["comment", "Sjå over"],
    ],
  ],
  [
    "strategy button",
    StrategyIntentSchema,
    "id",
    [
      ["intent", "removeArea"],
      ["version", "1"],
    ],
  ],
  ["evaluation", EvaluationSchema, "entries[0].goalId", [["entries[0].assessment", "Godt i gang"]]],
  [
    "progress weights",
    WeightsSchema,
    "rows[0].measureId",
    [
      ["rows[0].version", "1"],
      ["rows[0].weight", "1"],
    ],
  ],
  ["measure participation", MeasureFormSchema, "members[0].id", [["members[0].selected", "on"]]],
];

describe("one year in every form", () => {
  it.each(YEAR_FIELDS)("%s: refuses years outside 2000–2100 and text, as validation.year", (_, schema, field, rest) => {
    for (const typed of ["1999", "1995", "2101", "25", "20x5", "2025.5"]) {
      expect(errorOf(schema, [...rest, [field, typed]], field), typed).toEqual(["common:validation.year"]);
    }
    expect(errorOf(schema, [...rest, [field, "2025"]], field)).toBeUndefined();
  });

  it("reads a year in an address the same way, and nothing else", () => {
    expect(parseYear("2025")).toBe(2025);
    for (const typed of ["1999", "2101", "0x7E9", "2.025e3", " 2025", "", null, undefined])
      expect(parseYear(typed), String(typed)).toBeNull();
    expect(parseMeasureFilters(new URLSearchParams("year=1999")).year).toBeUndefined();
    expect(parseMeasureFilters(new URLSearchParams("year=2031")).year).toBe(2031);
  });

  it("has its message in every language", () => {
    for (const messages of [nb, nn, en]) expect(messages.validation.year).toMatch(/2000.*2100/);
  });
});

describe("one NOK amount in every form", () => {
  const AMOUNTS: [string, z.ZodType, string, [string, string][]][] = [
    ["measure investment", MeasureFormSchema, "investmentCost", []],
    [
      "plan item budget",
      PlanItemSchema,
      "budget",
      [
        ["itemId", "i-1"],
        ["version", "1"],
      ],
    ],
  ];

  it.each(AMOUNTS)("%s: refuses what is not an amount, and a too long one, as validation.nok", (_, schema, field, rest) => {
    for (const typed of ["tusen", "-5", "1,2,3", "1.25.000", "1".repeat(41)]) {
      expect(errorOf(schema, [...rest, [field, typed]], field), typed).toEqual(["common:validation.nok"]);
    }
    expect(errorOf(schema, [...rest, [field, "kr 1 250 000,50"]], field)).toBeUndefined();
  });

  it("has its message in every language", () => {
    for (const messages of [nb, nn, en]) expect(messages.validation.nok).toContain("1 250 000,50");
  });
});

describe("one row version in every form", () => {
  it.each(VERSION_FIELDS)("%s: a missing, zero or broken version is a stale form", (_, schema, field, rest) => {
    for (const typed of [null, "0", "-1", "1.5", "x"]) {
      const entries: [string, string][] = typed === null ? rest : [...rest, [field, typed]];
      const expected =
        field === "version" && schema === MeasureFormSchema && typed === null ? undefined : ["common:form.staleVersion"];
      expect(errorOf(schema, entries, field), String(typed)).toEqual(expected);
    }
    expect(errorOf(schema, [...rest, [field, "3"]], field)).toBeUndefined();
  });
});

describe("one row id in every form", () => {
  it.each(ID_FIELDS)("%s: a missing id is required, an overlong one invalid", (_, schema, field, rest) => {
    expect(errorOf(schema, rest, field)).toEqual(["common:validation.required"]);
    expect(errorOf(schema, [...rest, [field, "x".repeat(65)]], field)).toEqual(["common:validation.invalid"]);
    expect(errorOf(schema, [...rest, [field, "0b7f3c2e-9a41-4d1e-8f57-1c2d3e4f5a6b"]], field)).toBeUndefined();
  });
});

describe("one date in every form", () => {
  const DATES: [string, z.ZodType, string, [string, string][]][] = [
    ["plan input deadline", InputDeadlineSchema, "inputDeadline", [["version", "1"]]],
    ["round status date", OpenRoundSchema, "statusDate", [["deadline", "2099-12-31"]]],
    ["round deadline", OpenRoundSchema, "deadline", []],
  ];

  it.each(DATES)("%s: an empty date is required, a malformed one validation.date", (_, schema, field, rest) => {
    expect(errorOf(schema, [...rest, [field, " "]], field)).toEqual(["common:validation.required"]);
    for (const typed of ["31.12.2030", "2030-13-01", "2030-02-30"]) {
      expect(errorOf(schema, [...rest, [field, typed]], field), typed).toEqual(["common:validation.date"]);
    }
  });
});
