import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addDays, osloDateOf, osloToday, osloYear, yearEnd, yearStart } from "../../shared-schema/dates";
import { defaultShareYear } from "../../app/measure/shares.server";

// 00:30 in Norway (UTC+1 in winter, UTC+2 in summer): UTC's date is still yesterday's.
const HALF_PAST_MIDNIGHT_WINTER = "2026-03-10T23:30:00Z";
const HALF_PAST_MIDNIGHT_SUMMER = "2026-06-14T22:30:00Z";
const NEW_YEAR_HALF_PAST_MIDNIGHT = "2026-12-31T23:30:00Z";

afterEach(() => vi.useRealTimers());

describe("Norway's dates", () => {
  it("today is Norway's date at 00:30, winter and summer", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(HALF_PAST_MIDNIGHT_WINTER));
    expect(osloToday()).toBe("2026-03-11");
    vi.setSystemTime(new Date(HALF_PAST_MIDNIGHT_SUMMER));
    expect(osloToday()).toBe("2026-06-15");
  });

  it("the year turns at Norway's midnight", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(NEW_YEAR_HALF_PAST_MIDNIGHT));
    expect(osloYear()).toBe(2027);
    expect(defaultShareYear(null, null)).toBe(2027);
    expect(defaultShareYear(2020, 2026)).toBe(2026);
  });

  it("a stored instant has Norway's date", () => {
    expect(osloDateOf(HALF_PAST_MIDNIGHT_WINTER)).toBe("2026-03-11");
    expect(osloDateOf("2026-03-11T12:00:00.000Z")).toBe("2026-03-11");
  });

  it("calendar arithmetic crosses months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(yearStart(2014)).toBe("2014-01-01");
    expect(yearEnd(2014)).toBe("2014-12-31");
  });
});

/** Code that takes a date or a year from the machine's clock without going through the dates module. */
const CLOCK_DATE = /toISOString\(\)\.slice\(0, ?10\)|\.(getFullYear|getMonth|getDate|getDay|getHours)\(\)|toLocaleDateString\(/;
const DATES_MODULE = path.join("shared-schema", "dates.ts");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("one dates module", () => {
  it("nothing outside shared-schema/dates.ts reads a date from the clock in UTC or the machine's zone", () => {
    const offenders = ["app", "shared-schema", "scripts", "seeds", "db"]
      .flatMap(sourceFiles)
      .filter((file) => file !== DATES_MODULE)
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) => (CLOCK_DATE.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
