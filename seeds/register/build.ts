import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Insertable } from "kysely";
import type {
  Flag,
  MunicipalityChangeKind,
  MunicipalityChangeTable,
  MunicipalityPopulationTable,
  MunicipalityTable,
  WrittenStandard,
} from "../../db/schema";

export interface Register {
  municipalities: Insertable<MunicipalityTable>[];
  changes: Insertable<MunicipalityChangeTable>[];
  population: Insertable<MunicipalityPopulationTable>[];
}

type MunicipalityRow = Insertable<MunicipalityTable>;
type ChangeRow = Insertable<MunicipalityChangeTable>;

/** code → name of every municipality in one SSB snapshot */
type Snapshot = Map<string, string>;

/** One old code → new code step; `split` marks a row SSB flags as a division of the old one. */
interface Link {
  from: string;
  to: string;
  split: boolean;
}

interface Transition {
  from: number;
  to: number;
  effective: string;
  /** null where SSB ships no change table and the links are inferred */
  table: string | null;
}

interface Facts2015 {
  county: string;
  population: number;
  writtenStandard: WrittenStandard;
}

const REGISTER_START = "2013-01-01";
const POPULATION_YEAR = 2015;
const FIRST_SNAPSHOT = 2013;

const TRANSITIONS: Transition[] = [
  { from: 2013, to: 2017, effective: "2017-01-01", table: "changes-2013_til2017.csv" },
  { from: 2017, to: 2018, effective: "2018-01-01", table: "changes-2017_til2018.csv" },
  { from: 2018, to: 2019, effective: "2019-01-01", table: "changes-2018_til2019.csv" },
  { from: 2019, to: 2020, effective: "2020-01-01", table: "changes-2019_til2020.csv" },
  // Every change between these snapshots is the 2024 county reform (1 January 2024).
  { from: 2020, to: 2026, effective: "2024-01-01", table: null },
];

// The 2024 split cannot be inferred from names: Ålesund's name lives on in only one of its parts.
const SPLITS_2024: Link[] = [
  { from: "1507", to: "1508", split: true },
  { from: "1507", to: "1580", split: true },
];

// Fallback for codes the 2015 file does not know; the first two digits name the county of the
// code's era, so the reform counties (30–56) sit beside the ones they replaced.
const COUNTY_BY_PREFIX: Record<string, string> = {
  "01": "Østfold",
  "02": "Akershus",
  "03": "Oslo",
  "04": "Hedmark",
  "05": "Oppland",
  "06": "Buskerud",
  "07": "Vestfold",
  "08": "Telemark",
  "09": "Aust-Agder",
  "10": "Vest-Agder",
  "11": "Rogaland",
  "12": "Hordaland",
  "14": "Sogn og Fjordane",
  "15": "Møre og Romsdal",
  "16": "Sør-Trøndelag",
  "17": "Nord-Trøndelag",
  "18": "Nordland",
  "19": "Troms",
  "20": "Finnmark",
  "30": "Viken",
  "31": "Østfold",
  "32": "Akershus",
  "33": "Buskerud",
  "34": "Innlandet",
  "38": "Vestfold og Telemark",
  "39": "Vestfold",
  "40": "Telemark",
  "42": "Agder",
  "46": "Vestland",
  "50": "Trøndelag",
  "54": "Troms og Finnmark",
  "55": "Troms",
  "56": "Finnmark",
};

const WRITTEN_STANDARDS: readonly WrittenStandard[] = ["bokmaal", "nynorsk", "neutral"];

export function buildRegister(dataDir: string): Register {
  const snapshots = readSnapshots(dataDir);
  const { municipalities, changes } = buildTimeline(dataDir, snapshots);
  const facts = factsByMunicipality(municipalities, readFacts2015(dataDir));
  const derive = deriver(municipalities, changes, facts);
  for (const municipality of municipalities) {
    municipality.county = facts.get(municipality.id)?.county ?? countyOf(municipality.number);
    municipality.written_standard = derive.writtenStandard(municipality);
  }
  const population = municipalities.flatMap((municipality) => {
    const count = derive.population(municipality);
    return count === undefined ? [] : [{ municipality_id: municipality.id, year: POPULATION_YEAR, population: count }];
  });
  return { municipalities, changes, population };
}

function readRows(dataDir: string, file: string): string[][] {
  const text = readFileSync(join(dataDir, file), "utf8").replace(/^\uFEFF/, "");
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .slice(1)
    .map((line) => line.split(";").map(unquote));
}

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"')
    : trimmed;
}

function checkedCode(code: string, file: string): string {
  if (!/^\d{4}$/.test(code)) {
    throw new Error(`${file}: "${code}" is not a four-digit municipality code`);
  }
  return code;
}

function readSnapshots(dataDir: string): Map<number, Snapshot> {
  const years = [FIRST_SNAPSHOT, ...TRANSITIONS.map((t) => t.to)];
  const raw = years.map((year) => {
    const file = `ssb-131-${year}-01-01.csv`;
    const rows = readRows(dataDir, file).map(([code = "", name = ""]) => [checkedCode(code, file), name] as const);
    return [year, rows] as const;
  });
  const cleanNames = new Set(raw.flatMap(([, rows]) => rows.map(([, name]) => name)).filter((n) => !n.includes("?")));
  return new Map(raw.map(([year, rows]) => [year, new Map(rows.map(([code, name]) => [code, repairName(name, cleanNames)]))]));
}

/**
 * Older SSB exports replaced Sami letters they could not encode with "?" ("Kárá?johka"); the
 * later snapshots spell the same name correctly, so the one clean name that fits is used.
 */
function repairName(name: string, cleanNames: Set<string>): string {
  if (!name.includes("?")) return name;
  const pattern = new RegExp(`^${name.split("?").map(escapeRegExp).join(".")}$`, "u");
  const candidates = [...cleanNames].filter((clean) => pattern.test(clean));
  if (candidates.length !== 1) throw new Error(`Cannot repair the damaged name "${name}"`);
  return candidates[0]!;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function readLinks(dataDir: string, file: string): Link[] {
  const byKey = new Map<string, Link>();
  for (const [old = "", successor = "", split = "0"] of readRows(dataDir, file)) {
    const link = {
      from: codeOfCell(old, file),
      to: codeOfCell(successor, file),
      split: split === "1",
    };
    // Same code on both sides is a rename (or no change): the entity simply continues.
    if (link.from !== link.to) byKey.set(`${link.from}>${link.to}`, link);
  }
  return [...byKey.values()];
}

/** "1571 - Halsa" → "1571"; names come from the snapshots, which are authoritative. */
function codeOfCell(cell: string, file: string): string {
  return checkedCode(cell.split(" - ")[0]!.trim(), file);
}

function reformLinks(before: Snapshot, after: Snapshot): Link[] {
  const explicitFrom = new Set(SPLITS_2024.map((l) => l.from));
  const explicitTo = new Set(SPLITS_2024.map((l) => l.to));
  const appeared = new Map<string, string>();
  for (const [code, name] of after) {
    if (before.has(code) || explicitTo.has(code)) continue;
    const base = baseName(name);
    if (appeared.has(base)) throw new Error(`2024: two new municipalities are called "${base}"`);
    appeared.set(base, code);
  }
  const inferred = [...before]
    .filter(([code]) => !after.has(code) && !explicitFrom.has(code))
    .map(([code, name]) => {
      const to = appeared.get(baseName(name));
      if (!to) throw new Error(`2024: no successor found for ${code} ${name}`);
      return { from: code, to, split: false };
    });
  return [...SPLITS_2024, ...inferred];
}

/**
 * "Våler (Viken)" became "Våler (Østfold)" and "Gratangen" gained "- Rivtták" in 2024, so only
 * the first name without its county qualifier identifies the municipality across the reform.
 */
function baseName(name: string): string {
  return name
    .split(" - ")[0]!
    .replace(/\s*\(.*\)$/, "")
    .trim()
    .toLocaleLowerCase("nb");
}

function linksOf(dataDir: string, transition: Transition, snapshots: Map<number, Snapshot>): Link[] {
  return transition.table
    ? readLinks(dataDir, transition.table)
    : reformLinks(snapshots.get(transition.from)!, snapshots.get(transition.to)!);
}

/** Every code that vanishes must lead somewhere and every new code must come from somewhere. */
function checkTransition(transition: Transition, links: Link[], before: Snapshot, after: Snapshot): void {
  const label = `${transition.from}→${transition.to}`;
  for (const link of links) {
    if (!before.has(link.from) || !after.has(link.to) || after.has(link.from)) {
      throw new Error(`${label}: ${link.from}→${link.to} does not match the snapshots`);
    }
  }
  const sources = new Set(links.map((l) => l.from));
  const targets = new Set(links.map((l) => l.to));
  for (const code of before.keys()) {
    if (!after.has(code) && !sources.has(code)) {
      throw new Error(`${label}: ${code} vanishes without a successor`);
    }
  }
  for (const code of after.keys()) {
    if (!before.has(code) && !targets.has(code)) {
      throw new Error(`${label}: ${code} appears without a predecessor`);
    }
  }
}

function classify(link: Link, links: Link[], before: Snapshot): { kind: MunicipalityChangeKind; partial: Flag } {
  const targets = links.filter((l) => l.from === link.from).length;
  if (link.split || targets > 1) return { kind: "split", partial: 1 };
  // A successor that already existed (Trondheim absorbing Klæbu) counts as one of the merged.
  const sources = links.filter((l) => l.to === link.to).length + (before.has(link.to) ? 1 : 0);
  return { kind: sources > 1 ? "merger" : "renumbering", partial: 0 };
}

function newMunicipality(number: string, name: string, validFrom: string): MunicipalityRow {
  return {
    id: `${number}@${validFrom}`,
    number,
    name,
    county: null,
    valid_from: validFrom,
    valid_to: null,
    written_standard: null,
  };
}

function buildTimeline(
  dataDir: string,
  snapshots: Map<number, Snapshot>,
): { municipalities: MunicipalityRow[]; changes: ChangeRow[] } {
  const first = snapshots.get(FIRST_SNAPSHOT)!;
  let current = new Map([...first].map(([code, name]) => [code, newMunicipality(code, name, REGISTER_START)]));
  const municipalities = [...current.values()];
  const changes: ChangeRow[] = [];
  for (const transition of TRANSITIONS) {
    const before = snapshots.get(transition.from)!;
    const after = snapshots.get(transition.to)!;
    const links = linksOf(dataDir, transition, snapshots);
    checkTransition(transition, links, before, after);
    const next = new Map<string, MunicipalityRow>();
    for (const [code, name] of after) {
      let municipality = current.get(code);
      if (municipality) {
        municipality.name = name;
      } else {
        municipality = newMunicipality(code, name, transition.effective);
        municipalities.push(municipality);
      }
      next.set(code, municipality);
    }
    for (const [code, municipality] of current) {
      if (!after.has(code)) municipality.valid_to = transition.effective;
    }
    changes.push(...changeRows(transition, links, current, next, before));
    current = next;
  }
  return { municipalities, changes };
}

function changeRows(
  transition: Transition,
  links: Link[],
  current: Map<string, MunicipalityRow>,
  next: Map<string, MunicipalityRow>,
  before: Snapshot,
): ChangeRow[] {
  return links.map((link) => {
    const predecessor = current.get(link.from)!;
    const successor = next.get(link.to)!;
    return {
      id: `${predecessor.id}>${successor.id}`,
      predecessor_id: predecessor.id,
      successor_id: successor.id,
      effective_date: transition.effective,
      ...classify(link, links, before),
    };
  });
}

function readFacts2015(dataDir: string): Map<string, Facts2015> {
  const file = "population-and-written-standard-2015.csv";
  return new Map(
    readRows(dataDir, file).map(([code = "", , county = "", population = "", standard = ""]) => {
      if (!/^\d+$/.test(population)) {
        throw new Error(`${file}: bad population "${population}" for ${code}`);
      }
      if (!WRITTEN_STANDARDS.includes(standard as WrittenStandard)) {
        throw new Error(`${file}: bad written standard "${standard}" for ${code}`);
      }
      const facts = {
        county,
        population: Number(population),
        writtenStandard: standard as WrittenStandard,
      };
      return [checkedCode(code, file), facts] as const;
    }),
  );
}

/**
 * The 2015 file describes the municipality holding each code that year, except that it already
 * lists Sandefjord 0710 (formed 2017) instead of the three it merged, so a code nobody held in
 * 2015 goes to its first holder.
 */
function factsByMunicipality(municipalities: MunicipalityRow[], facts: Map<string, Facts2015>): Map<string, Facts2015> {
  const midYear = `${POPULATION_YEAR}-07-01`;
  const holder = new Map<string, MunicipalityRow>();
  for (const municipality of municipalities) {
    const known = holder.get(municipality.number);
    if (!known || (!validOn(known, midYear) && validOn(municipality, midYear))) {
      holder.set(municipality.number, municipality);
    }
  }
  const byId = new Map<string, Facts2015>();
  for (const [code, fact] of facts) {
    const municipality = holder.get(code);
    if (!municipality) throw new Error(`2015 facts name ${code}, which no snapshot contains`);
    byId.set(municipality.id, fact);
  }
  return byId;
}

function validOn(municipality: MunicipalityRow, date: string): boolean {
  return municipality.valid_from <= date && (municipality.valid_to == null || municipality.valid_to > date);
}

function countyOf(code: string): string {
  const county = COUNTY_BY_PREFIX[code.slice(0, 2)];
  if (!county) throw new Error(`No county known for municipality code ${code}`);
  return county;
}

/**
 * Values missing from the 2015 file are derived from the changes that formed the municipality
 * (those effective on its first day); later absorptions do not rewrite its 2015 figures, just as
 * Stavanger keeps its own 2015 population after taking in Finnøy and Rennesøy.
 */
function deriver(municipalities: MunicipalityRow[], changes: ChangeRow[], facts: Map<string, Facts2015>) {
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const formation = new Map<string, ChangeRow[]>();
  for (const change of changes) {
    formation.set(change.successor_id, [...(formation.get(change.successor_id) ?? []), change]);
  }
  const formedBy = (municipality: MunicipalityRow) =>
    (formation.get(municipality.id) ?? []).filter((c) => c.effective_date === municipality.valid_from);
  const predecessor = (change: ChangeRow) => byId.get(change.predecessor_id)!;

  const writtenStandard: (municipality: MunicipalityRow) => WrittenStandard | null = memoized(
    (municipality) =>
      facts.get(municipality.id)?.writtenStandard ??
      combineStandards(formedBy(municipality).map((c) => writtenStandard(predecessor(c)))),
  );
  const population: (municipality: MunicipalityRow) => number | undefined = memoized(
    (municipality) =>
      facts.get(municipality.id)?.population ?? sumOfWholes(formedBy(municipality), (c) => population(predecessor(c))),
  );
  return { writtenStandard, population };
}

function memoized<T>(compute: (municipality: MunicipalityRow) => T): (municipality: MunicipalityRow) => T {
  const cache = new Map<string, T>();
  return (municipality) => {
    if (!cache.has(municipality.id)) cache.set(municipality.id, compute(municipality));
    return cache.get(municipality.id) as T;
  };
}

function combineStandards(standards: (WrittenStandard | null)[]): WrittenStandard | null {
  if (standards.length === 0 || standards.includes(null)) return null;
  return standards.every((s) => s === standards[0]) ? standards[0]! : "neutral";
}

/** A population can only be summed when every predecessor came over whole and is known. */
function sumOfWholes(formedBy: ChangeRow[], populationOf: (change: ChangeRow) => number | undefined): number | undefined {
  if (formedBy.length === 0 || formedBy.some((c) => c.partial === 1)) return undefined;
  const counts = formedBy.map(populationOf);
  return counts.every((n): n is number => n !== undefined) ? counts.reduce((a, b) => a + b, 0) : undefined;
}
