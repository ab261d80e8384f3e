import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addDays } from "@shared-schema/dates";
import { describe, expect, it } from "vitest";
import { connect } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import {
  RegisterFileError,
  applyInMemory,
  checkTransition,
  deriveOpened,
  diffOf,
  isIsoDate,
  parseChangeTable,
  parseClassification,
  planTransition,
  type MunicipalityRow,
  type RegisterProblem,
} from "../../app/register/register";
import { updateRegister } from "../../app/register/update.server";
import { buildRegister, type Register } from "../../seeds/register/build";
import { registerDataDir, seedMunicipalityRegister } from "../../seeds/register/seed";

const dataDir = registerDataDir();
const data = (file: string) => readFileSync(join(dataDir, file), "utf8");

/** The rows valid on `day`, by number, as copies a plan may change. */
function registerOn(register: Register, day: string): Map<string, MunicipalityRow> {
  return new Map(
    register.municipalities
      .filter((m) => m.valid_from <= day && (m.valid_to == null || m.valid_to > day))
      .map((m) => [m.number, { ...m }]),
  );
}

function parsed<T>(read: (problems: RegisterProblem[]) => T): T {
  const problems: RegisterProblem[] = [];
  const result = read(problems);
  expect(problems).toEqual([]);
  return result;
}

/** One transition of seeds/data/ replayed the way the command does, on the register of the day before. */
function replay(base: Register, effective: string, classificationText: string, changesFile: string) {
  const dayBefore = addDays(effective, -1);
  const current = registerOn(base, dayBefore);
  const after = parsed((p) => parseClassification(classificationText, "ssb.csv", p));
  const links = parsed((p) => parseChangeTable(data(changesFile), changesFile, p));
  expect(checkTransition(current, after, links, effective, { classification: "ssb.csv", changes: changesFile })).toEqual([]);
  const plan = planTransition(current, after, links, effective);
  const population = new Map(base.population.map((p) => [p.municipality_id, p.population]));
  const byIdInBase = new Map(base.municipalities.map((m) => [m.id, m]));
  const derived = deriveOpened(
    plan,
    (id) => ({
      writtenStandard: [...current.values()].find((m) => m.id === id)!.written_standard ?? null,
      population: population.get(id),
    }),
    (id) =>
      base.changes
        .filter((c) => c.successor_id === id && c.effective_date === byIdInBase.get(id)!.valid_from && c.partial === 0)
        .map((c) => byIdInBase.get(c.predecessor_id)!)
        .map((m) => ({ name: m.name, writtenStandard: m.written_standard ?? null, population: population.get(m.id) })),
  );
  const diff = diffOf(plan, current, after);
  return { plan, derived, diff, next: applyInMemory(current, plan) };
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe("the register files", () => {
  it("refuses a classification line by line", () => {
    const problems: RegisterProblem[] = [];
    const text = "code;name\n0301;Oslo - Oslove\n\n12x4;Bergen\n1101;\n0301;Oslo\n1103;Stavanger\n";
    const classification = parseClassification(text, "ssb.csv", problems);
    expect(problems).toEqual([
      { file: "ssb.csv", line: 4, key: "notACode", details: { value: "12x4" } },
      { file: "ssb.csv", line: 5, key: "noName", details: { code: "1101" } },
      { file: "ssb.csv", line: 6, key: "duplicateCode", details: { code: "0301", first: "2" } },
    ]);
    expect([...classification.keys()]).toEqual(["0301", "1103"]);
  });

  it("refuses a file without its header line, and an empty one", () => {
    const problems: RegisterProblem[] = [];
    parseClassification("0301;Oslo\n", "ssb.csv", problems);
    parseChangeTable("kommuner_old;kommuner_new;splittes\r\n\r\n", "changes.csv", problems);
    expect(problems).toEqual([
      { file: "ssb.csv", line: 1, key: "noHeader" },
      { file: "changes.csv", line: null, key: "empty" },
    ]);
  });

  it("refuses a change table line by line, and reads a rename as no link", () => {
    const problems: RegisterProblem[] = [];
    const text = [
      "kommuner_2019;kommuner_2020;splittes",
      '"1571 - Halsa";"5055 - Heim";0',
      "157 - Halsa;5055 - Heim;0",
      "5012 - Snillfjord;5055 - Heim;ja",
      "1571 - Halsa;5055 - Heim;0",
      "1532 - Giske;1532 - Giske;0",
      "5012 - Snillfjord;5056 - Hitra;1",
    ].join("\r\n");
    const links = parseChangeTable(text, "changes.csv", problems);
    expect(problems).toEqual([
      { file: "changes.csv", line: 3, key: "notACode", details: { value: "157" } },
      { file: "changes.csv", line: 4, key: "badSplitFlag", details: { value: "ja" } },
      { file: "changes.csv", line: 5, key: "duplicateLink", details: { from: "1571", to: "5055", first: "2" } },
    ]);
    expect(links).toEqual([
      { from: "1571", to: "5055", split: false, line: 2 },
      { from: "5012", to: "5056", split: true, line: 7 },
    ]);
  });

  it("knows an ISO calendar date", () => {
    expect(isIsoDate("2024-01-01")).toBe(true);
    expect(isIsoDate("2024-02-30")).toBe(false);
    expect(isIsoDate("2024-1-01")).toBe(false);
    expect(isIsoDate("01.01.2024")).toBe(false);
  });

  it("names the lines of a change that does not fit the register and the classification", () => {
    const current = new Map<string, MunicipalityRow>(
      [
        ["1571", "Halsa"],
        ["5011", "Hemne"],
        ["1532", "Giske"],
        ["1524", "Norddal"],
      ].map(([number, name]) => [
        number!,
        { id: `${number}@2013-01-01`, number: number!, name: name!, valid_from: "2013-01-01" },
      ]),
    );
    const problems: RegisterProblem[] = [];
    const after = parseClassification("code;name\n5055;Heim\n1532;Giske\n1578;Fjord\n4204;Kristiansand\n", "ssb.csv", problems);
    const links = parseChangeTable(
      "old;new;split\n1571 - Halsa;5055 - Heim;0\n5011 - Hemne;5099 - Nowhere;0\n1001 - Kristiansand;5055 - Heim;0\n1532 - Giske;1578 - Fjord;0\n",
      "changes.csv",
      problems,
    );
    expect(problems).toEqual([]);
    const files = { classification: "ssb.csv", changes: "changes.csv" };
    expect(checkTransition(current, after, links, "2020-01-01", files)).toEqual([
      { file: "changes.csv", line: 3, key: "notInClassification", details: { code: "5099" } },
      { file: "changes.csv", line: 4, key: "notInRegister", details: { code: "1001", date: "2019-12-31" } },
      { file: "changes.csv", line: 5, key: "continues", details: { code: "1532", to: "1578" } },
      { file: "changes.csv", line: null, key: "vanishes", details: { code: "1524", name: "Norddal" } },
      { file: "ssb.csv", line: 5, key: "appears", details: { code: "4204", name: "Kristiansand" } },
    ]);
  });
});

describe("one transition replayed on the seeded register", () => {
  const until2019 = buildRegister(dataDir, { until: "2019-01-01" });
  const until2020 = buildRegister(dataDir, { until: "2020-01-01" });
  const full = buildRegister(dataDir);

  it("turns the register of 2019 and the 2020 files into exactly the seeded 2020 rows", () => {
    // The seed repairs the letters SSB's 2020 export lost from the later snapshots; the command takes names as given.
    const classification = data("ssb-131-2020-01-01.csv").replace("Porsá?gu", "Porsángu").replace("Kárá?johka", "Kárášjohka");
    const { plan, derived, diff, next } = replay(until2019, "2020-01-01", classification, "changes-2019_til2020.csv");
    const seeded = until2020.municipalities.filter((m) => m.valid_from === "2020-01-01");
    expect(seeded).toHaveLength(243);
    expect(byId(derived.municipalities)).toEqual(byId(seeded));
    expect(byId(plan.changes)).toEqual(byId(until2020.changes.filter((c) => c.effective_date === "2020-01-01")));
    expect(plan.closed.map((m) => m.id).sort()).toEqual(
      until2020.municipalities
        .filter((m) => m.valid_to === "2020-01-01")
        .map((m) => m.id)
        .sort(),
    );
    const ids = new Set(seeded.map((m) => m.id));
    expect(derived.population).toEqual(
      until2020.population
        .filter((p) => ids.has(p.municipality_id))
        .map(({ municipality_id, year, population }) => ({ municipality_id, year, population })),
    );
    // the continuing municipalities carry their new names; the new ones are the derived rows above
    const derivedById = new Map(derived.municipalities.map((m) => [m.id, m]));
    expect(byId([...next.values()].map((m) => derivedById.get(m.id) ?? m))).toEqual(
      byId([...registerOn(until2020, "2020-01-01").values()]),
    );

    const heim = diff.merged.find((m) => m.successor.number === "5055");
    expect(heim).toEqual({
      successor: { number: "5055", name: "Heim" },
      predecessors: [
        { number: "1571", name: "Halsa", partial: false },
        { number: "5011", name: "Hemne", partial: false },
        { number: "5012", name: "Snillfjord", partial: true },
      ],
    });
    expect(diff.split.find((s) => s.predecessor.number === "5012")?.successors.map((s) => s.number)).toEqual([
      "5055",
      "5056",
      "5059",
    ]);
    expect(diff.renumbered).toContainEqual({ from: { number: "0101", name: "Halden" }, to: { number: "3001", name: "Halden" } });
  });

  it("splits Ålesund 1507 into Ålesund 1508 and Haram 1580 in 2024, as seeded", () => {
    const { plan, derived, diff } = replay(until2020, "2024-01-01", data("ssb-131-2024-01-01.csv"), "changes-2020_til2024.csv");
    expect(diff.split).toEqual([
      {
        predecessor: { number: "1507", name: "Ålesund" },
        successors: [
          { number: "1508", name: "Ålesund" },
          { number: "1580", name: "Haram" },
        ],
      },
    ]);
    expect(diff.merged).toEqual([]);
    expect(diff.renumbered).toHaveLength(113);
    expect(byId(derived.municipalities)).toEqual(byId(full.municipalities.filter((m) => m.valid_from === "2024-01-01")));
    expect(byId(plan.changes)).toEqual(byId(full.changes.filter((c) => c.effective_date === "2024-01-01")));
    expect(plan.changes.filter((c) => c.predecessor_id === "1507@2020-01-01")).toEqual([
      expect.objectContaining({ successor_id: "1508@2024-01-01", kind: "split", partial: 1 }),
      expect.objectContaining({ successor_id: "1580@2024-01-01", kind: "split", partial: 1 }),
    ]);
    // the split runs along the merger of 2020: Haram is the Haram of 2019 again, Ålesund the rest of
    // what formed Ålesund 1507; a whole renumbered municipality keeps all of its population
    const pop = (id: string) => derived.population.find((p) => p.municipality_id === id)?.population;
    const seeded = (id: string) => until2020.population.find((p) => p.municipality_id === id)!.population;
    expect(pop("1580@2024-01-01")).toBe(seeded("1534@2013-01-01"));
    expect(pop("1508@2024-01-01")! + pop("1580@2024-01-01")!).toBe(seeded("1507@2020-01-01"));
    expect(derived.municipalities.find((m) => m.id === "1580@2024-01-01")?.written_standard).toBe("nynorsk");
    expect(derived.population.find((p) => p.municipality_id === "5610@2024-01-01")?.population).toBe(2696);
  });
});

describe("updateRegister", () => {
  const files = {
    classification: { file: "ssb-131-2024-01-01.csv", text: data("ssb-131-2024-01-01.csv") },
    changes: { file: "changes-2020_til2024.csv", text: data("changes-2020_til2024.csv") },
  };

  it("shows a dry run, applies once with one audit event, then has nothing to do", async () => {
    const db = connect(":memory:");
    try {
      await migrateToLatest(db);
      await seedMunicipalityRegister(db, dataDir, { until: "2020-01-01" });
      const count = async (table: "municipality" | "municipality_change" | "audit_event") =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );

      const dryRun = await updateRegister(db, { date: "2024-01-01", ...files, apply: false });
      expect(dryRun.status).toBe("dryRun");
      expect(dryRun.diff.split).toHaveLength(1);
      expect(await count("municipality")).toBe(723);

      const applied = await updateRegister(db, { date: "2024-01-01", ...files, apply: true });
      expect(applied).toEqual({ ...dryRun, status: "applied" });
      expect(await count("municipality")).toBe(723 + 115);
      expect(await count("municipality_change")).toBe(370 + 115);
      const audit = await db.selectFrom("audit_event").selectAll().where("action", "=", "register.updated").execute();
      expect(audit).toEqual([expect.objectContaining({ cooperation_id: null, entity_id: "2024-01-01" })]);
      expect(JSON.parse(audit[0]!.after!)).toMatchObject({ split: 1, renumbered: 113, unchanged: 234 });

      const again = await updateRegister(db, { date: "2024-01-01", ...files, apply: true });
      expect(again.status).toBe("upToDate");
      expect(await count("municipality")).toBe(723 + 115);
      expect(await count("audit_event")).toBe(1);
    } finally {
      await db.destroy();
    }
  });

  it("refuses files that do not fit and changes nothing", async () => {
    const db = connect(":memory:");
    try {
      await migrateToLatest(db);
      await seedMunicipalityRegister(db, dataDir, { until: "2020-01-01" });
      const changes = { file: "changes.csv", text: files.changes.text.replace("1507 - Ålesund;1580 - Haram;1\r\n", "") };
      const refusal = await updateRegister(db, { date: "2024-01-01", ...files, changes, apply: true }).catch((e) => e);
      expect(refusal).toBeInstanceOf(RegisterFileError);
      expect((refusal as RegisterFileError).problems).toEqual([
        {
          file: "ssb-131-2024-01-01.csv",
          line: expect.any(Number),
          key: "appears",
          details: { code: "1580", name: "Haram" },
        },
      ]);
      const rows = await db.selectFrom("municipality").select("id").where("valid_from", "=", "2024-01-01").execute();
      expect(rows).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it("refuses a change older than one the register already holds", async () => {
    const db = connect(":memory:");
    try {
      await migrateToLatest(db);
      await seedMunicipalityRegister(db, dataDir);
      const refusal = await updateRegister(db, {
        date: "2020-01-01",
        classification: { file: "ssb.csv", text: data("ssb-131-2020-01-01.csv") },
        changes: { file: "changes.csv", text: data("changes-2019_til2020.csv") },
        apply: true,
      }).catch((e) => e);
      expect((refusal as RegisterFileError).problems).toEqual([
        { file: null, line: null, key: "laterChanges", details: { date: "2020-01-01", later: "2024-01-01" } },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
