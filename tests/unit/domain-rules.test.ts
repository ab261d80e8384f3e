import { describe, expect, it, vi } from "vitest";
import { COOPERATION_ROLES, ROLE_PERMISSIONS, can, rolesWith } from "../../app/cooperation/permissions";
import { safeRedirectTarget } from "../../app/cooperation/guards.server";
import { formatDate, formatNok, formatNumber, formatPercent } from "../../app/i18n/format";
import { uptakeSummary } from "../../app/uptake/uptake";

describe("uptake %", () => {
  it("counts in_use and realised over participants that find the measure relevant", () => {
    expect(uptakeSummary(["in_use", "realised", "planned", "not_relevant", "not_started"])).toEqual({
      relevant: 4,
      inUse: 2,
      ratio: 0.5,
    });
  });
  it("is undefined, not zero, when no participant finds the measure relevant", () => {
    expect(uptakeSummary(["not_relevant", "not_relevant"]).ratio).toBeNull();
    expect(uptakeSummary([]).ratio).toBeNull();
  });
  it("treats a participant without a report as not started", () => {
    expect(uptakeSummary([undefined, "in_use"])).toEqual({ relevant: 2, inUse: 1, ratio: 0.5 });
  });
});

describe("role → permission map", () => {
  it("lets only the board decide on a plan and only the secretariat edit", () => {
    expect(rolesWith("plan:decide")).toEqual(["board"]);
    expect(rolesWith("plan:edit")).toEqual(["secretariat"]);
    expect(rolesWith("measure:edit")).toEqual(["secretariat"]);
    expect(rolesWith("uptake:report")).toEqual(["reporter"]);
  });
  it("lets every role read its cooperation", () => {
    for (const role of COOPERATION_ROLES) expect(can([role], "cooperation:read")).toBe(true);
  });
  it("gives a viewer nothing but reading", () => {
    expect(ROLE_PERMISSIONS.viewer).toEqual(["cooperation:read"]);
    expect(can(["viewer"], "plan:comment")).toBe(false);
  });
});

describe("redirect targets after login", () => {
  it.each([
    ["/c/ekommune-sunnmore", "/c/ekommune-sunnmore"],
    ["/c/x?year=2014", "/c/x?year=2014"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["", "/"],
    [null, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirectTarget(input)).toBe(expected);
  });
});

describe("Norwegian formats", () => {
  it("formats NOK from øre per locale", () => {
    expect(formatNok("nb", 1_250_000_00).replace(/\s/g, " ")).toBe("1 250 000 kr");
    expect(formatNok("nn", 1_250_000_50).replace(/\s/g, " ")).toBe("1 250 000,50 kr");
    expect(formatNok("en", 1_250_000_00).replace(/\s/g, " ")).toBe("NOK 1,250,000");
  });
  it("formats numbers, percentages and dates", () => {
    expect(formatNumber("nb", 47199).replace(/\s/g, " ")).toBe("47 199");
    expect(formatPercent("nb", 4 / 11).replace(/\s/g, " ")).toBe("36 %");
    expect(formatDate("nb", "2013-01-01")).toBe("1. januar 2013");
    expect(formatDate("nn", "2013-01-01")).toBe("1. januar 2013");
    expect(formatDate("en", "2013-01-01")).toBe("1 January 2013");
  });
  it("formats Nynorsk with Bokmål's identical rules where the browser has no Nynorsk data, never in English", () => {
    const spy = vi.spyOn(Intl.DateTimeFormat, "supportedLocalesOf").mockReturnValue([]);
    try {
      expect(formatDate("nn", "2012-12-06")).toBe("6. desember 2012");
      expect(formatNok("nn", 1_234_567_50).replace(/\s/g, " ")).toBe("1 234 567,50 kr");
    } finally {
      spy.mockRestore();
    }
  });
});
