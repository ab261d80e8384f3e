import { describe, expect, it } from "vitest";
import { connect } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import { buildRegister } from "../../seeds/register/build";
import { findMunicipalityByNumber, predecessorsOf, successorsOf } from "../../seeds/register/lookup";
import { registerDataDir, seedMunicipalityRegister } from "../../seeds/register/seed";

const register = buildRegister(registerDataDir());

function validOn(date: string) {
  return register.municipalities.filter((m) => m.valid_from <= date && (m.valid_to == null || m.valid_to > date));
}

function municipality(id: string) {
  const found = register.municipalities.find((m) => m.id === id);
  if (!found) throw new Error(`no municipality ${id}`);
  return found;
}

function predecessors(id: string) {
  return register.changes
    .filter((c) => c.successor_id === id)
    .map((c) => ({ id: c.predecessor_id, kind: c.kind, partial: c.partial }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function successors(id: string) {
  return register.changes
    .filter((c) => c.predecessor_id === id)
    .map((c) => ({ id: c.successor_id, kind: c.kind, partial: c.partial }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function population2015(id: string) {
  return register.population.find((p) => p.municipality_id === id && p.year === 2015)?.population;
}

const merged = (...ids: string[]) => ids.sort().map((id) => ({ id, kind: "merger", partial: 0 }));

describe("buildRegister on the SSB files", () => {
  it("counts the municipalities of every snapshot", () => {
    expect(validOn("2013-01-01")).toHaveLength(428);
    expect(validOn("2017-01-01")).toHaveLength(426);
    expect(validOn("2018-01-01")).toHaveLength(422);
    expect(validOn("2019-01-01")).toHaveLength(422);
    expect(validOn("2020-01-01")).toHaveLength(356);
    expect(validOn("2023-12-31")).toHaveLength(356);
    expect(validOn("2024-01-01")).toHaveLength(357);
    expect(validOn("2026-01-01")).toHaveLength(357);
  });

  it("links every change to municipalities that exist, once", () => {
    const ids = new Set(register.municipalities.map((m) => m.id));
    expect(ids.size).toBe(register.municipalities.length);
    expect(new Set(register.changes.map((c) => c.id)).size).toBe(register.changes.length);
    for (const change of register.changes) {
      expect(ids).toContain(change.predecessor_id);
      expect(ids).toContain(change.successor_id);
      expect(municipality(change.predecessor_id).valid_to).toBe(change.effective_date);
      expect(municipality(change.successor_id).valid_from <= change.effective_date).toBe(true);
    }
    for (const row of register.population) expect(ids).toContain(row.municipality_id);
  });

  it("never lets two municipalities with one number overlap in time", () => {
    const sorted = [...register.municipalities].sort(
      (a, b) => a.number.localeCompare(b.number) || a.valid_from.localeCompare(b.valid_from),
    );
    for (let i = 1; i < sorted.length; i++) {
      const [earlier, later] = [sorted[i - 1]!, sorted[i]!];
      if (earlier.number !== later.number) continue;
      expect(earlier.valid_to).not.toBeNull();
      expect(earlier.valid_to! <= later.valid_from).toBe(true);
    }
  });

  it("forms Heim of Halsa, Hemne and part of Snillfjord", () => {
    expect(municipality("5055@2020-01-01")).toMatchObject({
      name: "Heim",
      county: "Trøndelag",
      valid_to: null,
    });
    expect(predecessors("5055@2020-01-01")).toEqual([
      { id: "1571@2013-01-01", kind: "merger", partial: 0 },
      { id: "5011@2018-01-01", kind: "merger", partial: 0 },
      { id: "5012@2018-01-01", kind: "split", partial: 1 },
    ]);
    expect(successors("5012@2018-01-01").map((s) => s.id)).toEqual(["5055@2020-01-01", "5056@2020-01-01", "5059@2020-01-01"]);
  });

  it("derives Heim's written standard from its predecessors, but no population from a partial one", () => {
    expect(municipality("1571@2013-01-01").written_standard).toBe("neutral");
    expect(municipality("5011@2018-01-01").written_standard).toBe("neutral");
    expect(municipality("5012@2018-01-01").written_standard).toBe("neutral");
    expect(municipality("5055@2020-01-01").written_standard).toBe("neutral");
    expect(population2015("5055@2020-01-01")).toBeUndefined();
  });

  it("merges Ålesund 2020 of five and splits it into Ålesund and Haram in 2024", () => {
    expect(predecessors("1507@2020-01-01")).toEqual(
      merged("1504@2013-01-01", "1523@2013-01-01", "1529@2013-01-01", "1534@2013-01-01", "1546@2013-01-01"),
    );
    expect(municipality("1507@2020-01-01").valid_to).toBe("2024-01-01");
    expect(successors("1507@2020-01-01")).toEqual([
      { id: "1508@2024-01-01", kind: "split", partial: 1 },
      { id: "1580@2024-01-01", kind: "split", partial: 1 },
    ]);
    expect(municipality("1580@2024-01-01").name).toBe("Haram");
    expect(municipality("1507@2020-01-01").written_standard).toBe("neutral");
    expect(population2015("1507@2020-01-01")).toBe(47199 + 2296 + 4667 + 9312 + 1246);
  });

  it("takes Ålesund 1504's written standard and population from the 2015 file", () => {
    expect(municipality("1504@2013-01-01")).toMatchObject({
      name: "Ålesund",
      county: "Møre og Romsdal",
      valid_to: "2020-01-01",
      written_standard: "neutral",
    });
    expect(population2015("1504@2013-01-01")).toBe(47199);
  });

  it("merges Fjord, Kristiansand and Aurskog-Høland in 2020", () => {
    expect(predecessors("1578@2020-01-01")).toEqual(merged("1524@2013-01-01", "1526@2013-01-01"));
    expect(municipality("1578@2020-01-01").written_standard).toBe("nynorsk");
    expect(predecessors("4204@2020-01-01")).toEqual(merged("1001@2013-01-01", "1017@2013-01-01", "1018@2013-01-01"));
    expect(population2015("4204@2020-01-01")).toBe(89268 + 6568 + 11321);
    expect(predecessors("3026@2020-01-01")).toEqual(merged("0121@2013-01-01", "0221@2013-01-01"));
    expect(municipality("3026@2020-01-01")).toMatchObject({
      county: "Viken",
      valid_to: "2024-01-01",
    });
  });

  it("merges Sandefjord in 2017 and keeps its 2015 figures from the file", () => {
    expect(municipality("0710@2017-01-01")).toMatchObject({
      valid_from: "2017-01-01",
      valid_to: "2020-01-01",
      written_standard: "bokmaal",
    });
    expect(predecessors("0710@2017-01-01")).toEqual(merged("0706@2013-01-01", "0719@2013-01-01", "0720@2013-01-01"));
    expect(population2015("0710@2017-01-01")).toBe(62019);
  });

  it("keeps Giske 1532 as one unchanged municipality from 2013 to 2026", () => {
    expect(register.municipalities.filter((m) => m.number === "1532")).toEqual([
      expect.objectContaining({ id: "1532@2013-01-01", name: "Giske", valid_to: null }),
    ]);
    expect(predecessors("1532@2013-01-01")).toEqual([]);
    expect(successors("1532@2013-01-01")).toEqual([]);
  });

  it("counts an existing municipality that absorbs another as part of a merger", () => {
    expect(predecessors("5001@2018-01-01")).toEqual([
      { id: "1601@2013-01-01", kind: "renumbering", partial: 0 },
      { id: "5030@2018-01-01", kind: "merger", partial: 0 },
    ]);
    expect(population2015("5001@2018-01-01")).toBe(population2015("1601@2013-01-01"));
  });

  it("takes the 2024 renumberings from the change table, county qualifiers and all", () => {
    expect(successors("3018@2020-01-01")).toEqual([{ id: "3114@2024-01-01", kind: "renumbering", partial: 0 }]);
    expect(municipality("3114@2024-01-01")).toMatchObject({
      name: "Våler (Østfold)",
      county: "Østfold",
    });
    expect(successors("3026@2020-01-01")).toEqual([{ id: "3226@2024-01-01", kind: "renumbering", partial: 0 }]);
  });

  it("follows renumbering chains for written standard and population", () => {
    expect(successors("2021@2013-01-01")).toEqual([{ id: "5437@2020-01-01", kind: "renumbering", partial: 0 }]);
    expect(successors("5437@2020-01-01")).toEqual([{ id: "5610@2024-01-01", kind: "renumbering", partial: 0 }]);
    expect(municipality("5610@2024-01-01")).toMatchObject({
      written_standard: "bokmaal",
      county: "Finnmark",
    });
    expect(population2015("5610@2024-01-01")).toBe(2696);
  });

  it("uses the newest names, Sami parallel names included, and repairs '?' for lost letters", () => {
    expect(municipality("1841@2013-01-01").name).toBe("Fauske - Fuossko");
    expect(municipality("0301@2013-01-01").name).toBe("Oslo - Oslove");
    expect(municipality("2021@2013-01-01").name).toBe("Kárášjohka - Karasjok");
    expect(municipality("5436@2020-01-01").name).toBe("Porsanger - Porsángu - Porsanki");
    expect(register.municipalities.filter((m) => m.name.includes("?"))).toEqual([]);
  });

  it("gives every municipality a county", () => {
    expect(register.municipalities.filter((m) => !m.county)).toEqual([]);
    expect(municipality("1601@2013-01-01").county).toBe("Sør-Trøndelag");
    expect(municipality("5401@2020-01-01").county).toBe("Troms og Finnmark");
    expect(municipality("5501@2024-01-01").county).toBe("Troms");
  });
});

describe("seedMunicipalityRegister", () => {
  it("seeds idempotently and answers lookups by number and date", async () => {
    const db = connect(":memory:");
    try {
      await migrateToLatest(db);
      const first = await seedMunicipalityRegister(db, registerDataDir());
      expect(first).toEqual({
        municipalities: register.municipalities.length,
        changes: register.changes.length,
      });
      const second = await seedMunicipalityRegister(db, registerDataDir());
      expect(second).toEqual({ municipalities: 0, changes: 0 });

      const count = async (table: "municipality" | "municipality_change" | "municipality_population") =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count("municipality")).toBe(register.municipalities.length);
      expect(await count("municipality_change")).toBe(register.changes.length);
      expect(await count("municipality_population")).toBe(register.population.length);

      expect(await findMunicipalityByNumber(db, "1504", "2015-06-01")).toMatchObject({
        name: "Ålesund",
      });
      expect(await findMunicipalityByNumber(db, "1504", "2021-01-01")).toBeUndefined();
      expect(await findMunicipalityByNumber(db, "1507", "2023-12-31")).toMatchObject({
        id: "1507@2020-01-01",
      });
      expect(await findMunicipalityByNumber(db, "1507", "2024-01-01")).toBeUndefined();

      const heim = await findMunicipalityByNumber(db, "5055", "2026-01-01");
      expect(heim?.name).toBe("Heim");
      const heimPredecessors = await predecessorsOf(db, heim!.id);
      expect(heimPredecessors.map((p) => [p.number, p.name, p.kind, p.partial])).toEqual([
        ["1571", "Halsa", "merger", 0],
        ["5011", "Hemne", "merger", 0],
        ["5012", "Snillfjord", "split", 1],
      ]);
      const alesundSuccessors = await successorsOf(db, "1507@2020-01-01");
      expect(alesundSuccessors.map((s) => [s.number, s.kind, s.partial, s.effective_date])).toEqual([
        ["1508", "split", 1, "2024-01-01"],
        ["1580", "split", 1, "2024-01-01"],
      ]);
    } finally {
      await db.destroy();
    }
  });
});
