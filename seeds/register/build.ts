import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Insertable } from "kysely";
import type { MunicipalityPopulationTable, WrittenStandard } from "../../db/schema";
import {
  POPULATION_YEAR,
  applyInMemory,
  checkTransition,
  combineStandards,
  countyOf,
  newMunicipality,
  parseChangeTable,
  parseClassification,
  planTransition,
  readRows,
  refuseIfAny,
  splitPart,
  sumOfWholes,
  type Figures,
  type ChangeRow,
  type Classification,
  type MunicipalityRow,
  type RegisterProblem,
} from "../../app/register/register";

export interface Register {
  municipalities: MunicipalityRow[];
  changes: ChangeRow[];
  population: Insertable<MunicipalityPopulationTable>[];
}

interface Transition {
  from: number;
  to: number;
  effective: string;
  table: string;
}

interface Facts2015 {
  county: string;
  population: number;
  writtenStandard: WrittenStandard;
}

const REGISTER_START = "2013-01-01";
const FIRST_SNAPSHOT = 2013;

const TRANSITIONS: Transition[] = [
  { from: 2013, to: 2017, effective: "2017-01-01", table: "changes-2013_til2017.csv" },
  { from: 2017, to: 2018, effective: "2018-01-01", table: "changes-2017_til2018.csv" },
  { from: 2018, to: 2019, effective: "2019-01-01", table: "changes-2018_til2019.csv" },
  { from: 2019, to: 2020, effective: "2020-01-01", table: "changes-2019_til2020.csv" },
  // SSB publishes no table for the 2024 county reform; this one is written the same way.
  { from: 2020, to: 2024, effective: "2024-01-01", table: "changes-2020_til2024.csv" },
];

const WRITTEN_STANDARDS: readonly WrittenStandard[] = ["bokmaal", "nynorsk", "neutral"];

/**
 * The register from seeds/data/: every transition whose day is `until` or earlier (all of them
 * unless given), so that a database can hold the register as it stood before a later change.
 */
export function buildRegister(dataDir: string, options: { until?: string } = {}): Register {
  const transitions = TRANSITIONS.filter((t) => options.until === undefined || t.effective <= options.until);
  const snapshots = readSnapshots(dataDir);
  const { municipalities, changes } = buildTimeline(dataDir, transitions, snapshots);
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

/** The rows of one file of seeds/data/, which must have no problem at all. */
function readDataFile<T>(dataDir: string, file: string, read: (text: string, problems: RegisterProblem[]) => T): T {
  const problems: RegisterProblem[] = [];
  const result = read(readFileSync(join(dataDir, file), "utf8"), problems);
  refuseIfAny(problems);
  return result;
}

/** Every snapshot, also those after `until`: the damaged names of the old ones are repaired from all. */
function readSnapshots(dataDir: string): Map<number, Classification> {
  const years = [FIRST_SNAPSHOT, ...TRANSITIONS.map((t) => t.to)];
  const raw = years.map((year) => {
    const file = `ssb-131-${year}-01-01.csv`;
    return [year, readDataFile(dataDir, file, (text, problems) => parseClassification(text, file, problems))] as const;
  });
  const cleanNames = new Set(
    raw.flatMap(([, snapshot]) => [...snapshot.values()].map((m) => m.name)).filter((n) => !n.includes("?")),
  );
  for (const [, snapshot] of raw) {
    for (const municipality of snapshot.values()) municipality.name = repairName(municipality.name, cleanNames);
  }
  return new Map(raw);
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

/** Replays the transitions on the first snapshot; later names overwrite earlier ones. */
function buildTimeline(
  dataDir: string,
  transitions: Transition[],
  snapshots: Map<number, Classification>,
): { municipalities: MunicipalityRow[]; changes: ChangeRow[] } {
  const first = snapshots.get(FIRST_SNAPSHOT)!;
  let current = new Map([...first].map(([code, { name }]) => [code, newMunicipality(code, name, REGISTER_START)]));
  const municipalities = [...current.values()];
  const changes: ChangeRow[] = [];
  for (const transition of transitions) {
    const after = snapshots.get(transition.to)!;
    const files = { classification: `ssb-131-${transition.to}-01-01.csv`, changes: transition.table };
    const links = readDataFile(dataDir, transition.table, (text, problems) => parseChangeTable(text, transition.table, problems));
    refuseIfAny(checkTransition(current, after, links, transition.effective, files));
    const plan = planTransition(current, after, links, transition.effective);
    municipalities.push(...plan.opened);
    changes.push(...plan.changes);
    current = applyInMemory(current, plan);
  }
  return { municipalities, changes };
}

function readFacts2015(dataDir: string): Map<string, Facts2015> {
  const file = "population-and-written-standard-2015.csv";
  const rows = readDataFile(dataDir, file, (text, problems) => readRows(text, file, problems));
  return new Map(
    rows.map(({ line, cells: [code = "", , county = "", population = "", standard = ""] }) => {
      if (!/^\d{4}$/.test(code)) throw new Error(`${file}, line ${line}: "${code}" is not a four-digit municipality code`);
      if (!/^\d+$/.test(population)) throw new Error(`${file}, line ${line}: bad population "${population}"`);
      if (!WRITTEN_STANDARDS.includes(standard as WrittenStandard)) {
        throw new Error(`${file}, line ${line}: bad written standard "${standard}"`);
      }
      const facts = {
        county,
        population: Number(population),
        writtenStandard: standard as WrittenStandard,
      };
      return [code, facts] as const;
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
  const figures = (municipality: MunicipalityRow): Figures => ({
    name: municipality.name,
    writtenStandard: writtenStandard(municipality),
    population: population(municipality),
  });
  // a split along an earlier merger: the predecessor's own formation says what each part is
  const split: (municipality: MunicipalityRow) => ReturnType<typeof splitPart> = memoized((municipality) => {
    const formed = formedBy(municipality);
    const plan = {
      changes,
      opened: municipalities.filter((m) => m.valid_from === municipality.valid_from),
      closed: formed.map(predecessor),
    };
    return splitPart(plan, municipality, formed, (id) =>
      formedBy(byId.get(id)!)
        .filter((c) => c.partial === 0)
        .map((c) => figures(predecessor(c))),
    );
  });

  const writtenStandard: (municipality: MunicipalityRow) => WrittenStandard | null = memoized(
    (municipality) =>
      facts.get(municipality.id)?.writtenStandard ??
      (split(municipality) ?? null)?.writtenStandard ??
      combineStandards(formedBy(municipality).map((c) => writtenStandard(predecessor(c)))),
  );
  const population: (municipality: MunicipalityRow) => number | undefined = memoized(
    (municipality) =>
      facts.get(municipality.id)?.population ??
      split(municipality)?.population ??
      sumOfWholes(formedBy(municipality), (c) => population(predecessor(c))),
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
