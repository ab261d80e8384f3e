import type { CustomTypeOptions } from "i18next";
import type { Insertable } from "kysely";
import type { Flag, MunicipalityChangeKind, MunicipalityChangeTable, MunicipalityTable, WrittenStandard } from "../../db/schema";
import { isoDateSchema } from "@shared-schema/common";
import { addDays } from "@shared-schema/dates";

/*
 * The national municipality register and how one change of the municipal map moves it on. The
 * files are Statistics Norway's (SSB classification 131): a classification `code;name` of every
 * municipality valid on a day, and a change table `old;new;split` ("1571 - Halsa";"5055 - Heim";0)
 * from the codes of the day before to those of the day. The seed replays every transition of
 * seeds/data/ with these functions, and `npm run admin -- register-update` one transition against
 * the register in the database, so both make the same rows.
 */

export type MunicipalityRow = Insertable<MunicipalityTable>;
export type ChangeRow = Insertable<MunicipalityChangeTable>;

/** code → name and line of every municipality in one classification file */
export type Classification = Map<string, { name: string; line: number }>;

/** One old code → new code step; `split` marks a row SSB flags as a division of the old one. */
export interface Link {
  from: string;
  to: string;
  split: boolean;
  line: number;
}

/** What can be wrong with a file: the texts under adminCli:register.problem name every case. */
export type RegisterProblemKey = keyof CustomTypeOptions["resources"]["adminCli"]["register"]["problem"];

export interface RegisterProblem {
  /** the file as it was named; null for what is wrong with the register itself */
  file: string | null;
  /** null where the problem is something missing from the file */
  line: number | null;
  key: RegisterProblemKey;
  details?: Record<string, string>;
}

/** The update is refused as a whole; every problem names its file and, where it has one, its line. */
export class RegisterFileError extends Error {
  constructor(readonly problems: RegisterProblem[]) {
    super(`register update refused:\n${problems.map(describeProblem).join("\n")}`);
  }
}

function describeProblem(problem: RegisterProblem): string {
  const where = [problem.file, problem.line === null ? null : `line ${problem.line}`].filter(Boolean).join(", ");
  return `  ${where ? `${where}: ` : ""}${problem.key} ${JSON.stringify(problem.details ?? {})}`;
}

/** Throws the problems, ordered by file and line, when there are any. */
export function refuseIfAny(problems: RegisterProblem[]): void {
  if (problems.length === 0) return;
  const sorted = [...problems].sort(
    (a, b) => (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? Infinity) - (b.line ?? Infinity),
  );
  throw new RegisterFileError(sorted);
}

export const POPULATION_YEAR = 2015;

const CODE = /^\d{4}$/;

/** A real calendar day written yyyy-mm-dd. */
export function isIsoDate(text: string): boolean {
  return isoDateSchema.safeParse(text).success;
}

export interface Row {
  line: number;
  cells: string[];
}

/** The data rows of a semicolon file under its header line, each with the line it stands on. */
export function readRows(text: string, file: string, problems: RegisterProblem[]): Row[] {
  const rows = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, index) => ({ line: index + 1, cells: line.split(";").map(unquote) }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  const [header, ...data] = rows;
  if (!header) {
    problems.push({ file, line: null, key: "empty" });
    return [];
  }
  // A first line that is already data means the header is missing; reading it as data says more.
  if (CODE.test(codeOfCell(header.cells[0] ?? ""))) {
    problems.push({ file, line: header.line, key: "noHeader" });
    return rows;
  }
  if (data.length === 0) problems.push({ file, line: null, key: "empty" });
  return data;
}

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"')
    : trimmed;
}

/** "1571 - Halsa" → "1571"; names come from the classification, which is authoritative. */
function codeOfCell(cell: string): string {
  return cell.split(" - ")[0]!.trim();
}

/** A classification file `code;name`; the problems are added to `problems`. */
export function parseClassification(text: string, file: string, problems: RegisterProblem[]): Classification {
  const classification: Classification = new Map();
  for (const { line, cells } of readRows(text, file, problems)) {
    const [code = "", name = ""] = cells;
    if (!CODE.test(code)) problems.push({ file, line, key: "notACode", details: { value: code } });
    else if (name === "") problems.push({ file, line, key: "noName", details: { code } });
    else if (classification.has(code))
      problems.push({ file, line, key: "duplicateCode", details: { code, first: String(classification.get(code)!.line) } });
    else classification.set(code, { name, line });
  }
  return classification;
}

/**
 * A change table `old;new[;split]`. Same code on both sides is a rename (or no change): the
 * municipality simply continues, so such rows give no link.
 */
export function parseChangeTable(text: string, file: string, problems: RegisterProblem[]): Link[] {
  const byKey = new Map<string, Link>();
  for (const { line, cells } of readRows(text, file, problems)) {
    const [fromCell = "", toCell = "", flag = ""] = cells;
    const from = codeOfCell(fromCell);
    const to = codeOfCell(toCell);
    const bad = [from, to].find((code) => !CODE.test(code));
    if (bad !== undefined) {
      problems.push({ file, line, key: "notACode", details: { value: bad } });
      continue;
    }
    if (flag !== "" && flag !== "0" && flag !== "1") {
      problems.push({ file, line, key: "badSplitFlag", details: { value: flag } });
      continue;
    }
    if (from === to) continue;
    const key = `${from}>${to}`;
    const first = byKey.get(key);
    if (first) problems.push({ file, line, key: "duplicateLink", details: { from, to, first: String(first.line) } });
    else byKey.set(key, { from, to, split: flag === "1", line });
  }
  return [...byKey.values()];
}

export interface TransitionFiles {
  classification: string;
  changes: string;
}

/**
 * Every link must lead from a municipality of the register to one of the classification, every
 * code that vanishes must lead somewhere, and every new code must come from somewhere.
 * `before` is the register on the day before `effective`, by number.
 */
export function checkTransition(
  before: ReadonlyMap<string, Pick<MunicipalityRow, "name">>,
  after: Classification,
  links: Link[],
  effective: string,
  files: TransitionFiles,
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  const dayBefore = addDays(effective, -1);
  for (const { from, to, line } of links) {
    const at = { file: files.changes, line };
    if (!before.has(from)) problems.push({ ...at, key: "notInRegister", details: { code: from, date: dayBefore } });
    if (!after.has(to)) problems.push({ ...at, key: "notInClassification", details: { code: to } });
    if (after.has(from)) problems.push({ ...at, key: "continues", details: { code: from, to } });
  }
  const sources = new Set(links.map((l) => l.from));
  const targets = new Set(links.map((l) => l.to));
  for (const [code, { name }] of before) {
    if (!after.has(code) && !sources.has(code))
      problems.push({ file: files.changes, line: null, key: "vanishes", details: { code, name } });
  }
  for (const [code, { name, line }] of after) {
    if (before.has(code) || targets.has(code)) continue;
    problems.push({ file: files.classification, line, key: "appears", details: { code, name } });
  }
  for (const [code, { line }] of after) {
    if (!before.has(code) && !COUNTY_BY_PREFIX[code.slice(0, 2)])
      problems.push({ file: files.classification, line, key: "unknownCounty", details: { code } });
  }
  return problems;
}

export function classify(
  link: Link,
  links: Link[],
  before: ReadonlyMap<string, unknown>,
): { kind: MunicipalityChangeKind; partial: Flag } {
  const targets = links.filter((l) => l.from === link.from).length;
  if (link.split || targets > 1) return { kind: "split", partial: 1 };
  // A successor that already existed (Trondheim absorbing Klæbu) counts as one of the merged.
  const sources = links.filter((l) => l.to === link.to).length + (before.has(link.to) ? 1 : 0);
  return { kind: sources > 1 ? "merger" : "renumbering", partial: 0 };
}

export function newMunicipality(number: string, name: string, validFrom: string): MunicipalityRow {
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

/** What one transition does to the register; `closed` and `renamed` hold the register's own rows. */
export interface TransitionPlan {
  effective: string;
  /** the new municipalities, in the classification's order, without county and written standard */
  opened: MunicipalityRow[];
  /** the municipalities that end the day before `effective` */
  closed: MunicipalityRow[];
  renamed: { municipality: MunicipalityRow; name: string }[];
  changes: ChangeRow[];
  /** municipalities that continue with their code and name and take part in no change */
  unchanged: number;
}

/** The transition from `current` (the register the day before, by number) to `after`; check it first. */
export function planTransition(
  current: ReadonlyMap<string, MunicipalityRow>,
  after: Classification,
  links: Link[],
  effective: string,
): TransitionPlan {
  const next = new Map<string, MunicipalityRow>();
  const opened: MunicipalityRow[] = [];
  const renamed: TransitionPlan["renamed"] = [];
  for (const [code, { name }] of after) {
    let municipality = current.get(code);
    if (!municipality) {
      municipality = newMunicipality(code, name, effective);
      opened.push(municipality);
    } else if (municipality.name !== name) {
      renamed.push({ municipality, name });
    }
    next.set(code, municipality);
  }
  const closed = [...current.values()].filter((m) => !after.has(m.number));
  const changes = links.map((link) => {
    const predecessor = current.get(link.from)!;
    const successor = next.get(link.to)!;
    return {
      id: `${predecessor.id}>${successor.id}`,
      predecessor_id: predecessor.id,
      successor_id: successor.id,
      effective_date: effective,
      ...classify(link, links, current),
    };
  });
  const linked = new Set(links.flatMap((l) => [l.from, l.to]));
  const renamedCodes = new Set(renamed.map((r) => r.municipality.number));
  const unchanged = [...after.keys()].filter((code) => current.has(code) && !linked.has(code) && !renamedCodes.has(code)).length;
  return { effective, opened, closed, renamed, changes, unchanged };
}

/** Carries a plan out on rows held in memory; returns the register of `effective`, by number. */
export function applyInMemory(current: ReadonlyMap<string, MunicipalityRow>, plan: TransitionPlan): Map<string, MunicipalityRow> {
  for (const { municipality, name } of plan.renamed) municipality.name = name;
  for (const municipality of plan.closed) municipality.valid_to = plan.effective;
  const next = new Map([...current].filter(([, m]) => m.valid_to !== plan.effective));
  for (const municipality of plan.opened) next.set(municipality.number, municipality);
  return next;
}

/** A municipality as the summary names it. */
export interface Named {
  number: string;
  name: string;
}

export interface RegisterDiff {
  merged: { successor: Named; predecessors: (Named & { partial: boolean })[] }[];
  split: { predecessor: Named; successors: Named[] }[];
  renumbered: { from: Named; to: Named }[];
  renamed: { number: string; from: string; to: string }[];
  unchanged: number;
}

/** The plan grouped the way the platform admin reads it; predecessors under their old names. */
export function diffOf(plan: TransitionPlan, current: ReadonlyMap<string, MunicipalityRow>, after: Classification): RegisterDiff {
  const byId = new Map([...current.values(), ...plan.opened].map((m) => [m.id, m]));
  const before = (id: string): Named => ({ number: byId.get(id)!.number, name: byId.get(id)!.name });
  const now = (id: string): Named => {
    const number = byId.get(id)!.number;
    return { number, name: after.get(number)!.name };
  };
  const groupBy = (key: (c: ChangeRow) => string) => {
    const groups = new Map<string, ChangeRow[]>();
    for (const change of plan.changes) groups.set(key(change), [...(groups.get(key(change)) ?? []), change]);
    return [...groups.values()];
  };
  const byNumber = (a: Named, b: Named) => a.number.localeCompare(b.number);
  const merged = groupBy((c) => c.successor_id)
    .filter((group) => group.some((c) => c.kind === "merger"))
    .map((group) => ({
      successor: now(group[0]!.successor_id),
      predecessors: group.map((c) => ({ ...before(c.predecessor_id), partial: c.partial === 1 })).sort(byNumber),
    }))
    .sort((a, b) => byNumber(a.successor, b.successor));
  const mergedInto = new Set(merged.map((m) => m.successor.number));
  const split = groupBy((c) => c.predecessor_id)
    .filter((group) => group.some((c) => c.kind === "split"))
    .map((group) => ({
      predecessor: before(group[0]!.predecessor_id),
      successors: group.map((c) => now(c.successor_id)).sort(byNumber),
    }))
    .sort((a, b) => byNumber(a.predecessor, b.predecessor));
  const renumbered = plan.changes
    .filter((c) => c.kind === "renumbering" && !mergedInto.has(byId.get(c.successor_id)!.number))
    .map((c) => ({ from: before(c.predecessor_id), to: now(c.successor_id) }))
    .sort((a, b) => byNumber(a.from, b.from));
  const renamed = plan.renamed
    .map(({ municipality, name }) => ({ number: municipality.number, from: municipality.name, to: name }))
    .sort((a, b) => a.number.localeCompare(b.number));
  return { merged, split, renumbered, renamed, unchanged: plan.unchanged };
}

export function isEmptyDiff(diff: RegisterDiff): boolean {
  return !diff.merged.length && !diff.split.length && !diff.renumbered.length && !diff.renamed.length;
}

// The first two digits name the county of the code's era, so the reform counties (30–56) sit
// beside the ones they replaced.
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

export function countyOf(code: string): string {
  const county = COUNTY_BY_PREFIX[code.slice(0, 2)];
  if (!county) throw new Error(`No county known for municipality code ${code}`);
  return county;
}

export function combineStandards(standards: (WrittenStandard | null)[]): WrittenStandard | null {
  if (standards.length === 0 || standards.includes(null)) return null;
  return standards.every((s) => s === standards[0]) ? standards[0]! : "neutral";
}

/** A population can only be summed when every predecessor came over whole and is known. */
export function sumOfWholes(formedBy: ChangeRow[], populationOf: (change: ChangeRow) => number | undefined): number | undefined {
  if (formedBy.length === 0 || formedBy.some((c) => c.partial === 1)) return undefined;
  const counts = formedBy.map(populationOf);
  return counts.every((n): n is number => n !== undefined) ? counts.reduce((a, b) => a + b, 0) : undefined;
}

/** A municipality's figures as the derivation needs them: its name, written standard and 2015 population. */
export interface Figures {
  name: string;
  writtenStandard: WrittenStandard | null;
  population: number | undefined;
}

/**
 * A split that undoes an earlier merger, like Ålesund's in 2024 into Ålesund and Haram along the
 * old border of Haram: each successor but the one keeping the predecessor's name bears the name of
 * one of the municipalities the predecessor was formed of, and is that one again; the one keeping
 * the name is the rest of them. Gives what each successor is made of, or null when the split does
 * not fit (then nothing is derived).
 */
export function splitAlongEarlierMerger(
  predecessorName: string,
  successors: { id: string; name: string }[],
  formedOf: Figures[],
): Map<string, Figures[]> | null {
  const keeper = successors.find((s) => s.name === predecessorName);
  if (!keeper || successors.length < 2) return null;
  const parts = new Map<string, Figures[]>();
  const rest = new Set(formedOf);
  for (const successor of successors) {
    if (successor === keeper) continue;
    const same = formedOf.filter((f) => f.name === successor.name);
    if (same.length !== 1 || !rest.has(same[0]!)) return null;
    parts.set(successor.id, same);
    rest.delete(same[0]!);
  }
  if (rest.size === 0) return null;
  parts.set(keeper.id, [...rest]);
  return parts;
}

/** The standard and summed population of what a municipality is made of (the population only when every part is known). */
export function figuresOf(parts: Figures[]): { writtenStandard: WrittenStandard | null; population: number | undefined } {
  const counts = parts.map((p) => p.population);
  return {
    writtenStandard: combineStandards(parts.map((p) => p.writtenStandard)),
    population: counts.every((n): n is number => n !== undefined) ? counts.reduce((a, b) => a + b, 0) : undefined,
  };
}

/**
 * County, written standard and 2015 population of the municipalities a plan opens, from the
 * changes that formed them: the standard is combined from the predecessors', the population summed
 * only when all of them came over whole — or, for a split along an earlier merger, from the
 * municipalities the predecessor was formed of (`formedOf`).
 */
export function deriveOpened(
  plan: TransitionPlan,
  predecessor: (id: string) => { writtenStandard: WrittenStandard | null; population: number | undefined },
  formedOf: (id: string) => Figures[] = () => [],
): { municipalities: MunicipalityRow[]; population: { municipality_id: string; year: number; population: number }[] } {
  const population: { municipality_id: string; year: number; population: number }[] = [];
  const municipalities = plan.opened.map((opened) => {
    const formedBy = plan.changes.filter((c) => c.successor_id === opened.id);
    const split = splitPart(plan, opened, formedBy, formedOf);
    const count = split ? split.population : sumOfWholes(formedBy, (c) => predecessor(c.predecessor_id).population);
    if (count !== undefined) population.push({ municipality_id: opened.id, year: POPULATION_YEAR, population: count });
    return {
      ...opened,
      county: countyOf(opened.number),
      written_standard: split
        ? split.writtenStandard
        : combineStandards(formedBy.map((c) => predecessor(c.predecessor_id).writtenStandard)),
    };
  });
  return { municipalities, population };
}

/** The figures of a municipality made of a part of one predecessor, where that split runs along an earlier merger. */
export function splitPart(
  plan: Pick<TransitionPlan, "changes" | "opened" | "closed">,
  municipality: { id: string; name: string },
  formedBy: ChangeRow[],
  formedOf: (id: string) => Figures[],
) {
  if (formedBy.length !== 1 || formedBy[0]!.partial !== 1) return null;
  const from = formedBy[0]!.predecessor_id;
  const predecessor = plan.closed.find((m) => m.id === from);
  const successors = plan.changes
    .filter((c) => c.predecessor_id === from && c.effective_date === formedBy[0]!.effective_date)
    .map((c) => plan.opened.find((m) => m.id === c.successor_id))
    .filter((m): m is NonNullable<typeof m> => m !== undefined);
  const parts = predecessor && splitAlongEarlierMerger(predecessor.name, successors, formedOf(from))?.get(municipality.id);
  return parts ? figuresOf(parts) : null;
}
