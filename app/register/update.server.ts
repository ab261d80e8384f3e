import type { Transaction } from "kysely";
import type { DB } from "../../db/connect";
import type { Database, Municipality } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { transact } from "../utils/concurrency.server";
import { addDays } from "@shared-schema/dates";
import {
  POPULATION_YEAR,
  checkTransition,
  deriveOpened,
  diffOf,
  isEmptyDiff,
  isIsoDate,
  parseChangeTable,
  parseClassification,
  planTransition,
  refuseIfAny,
  type Classification,
  type Figures,
  type Link,
  type RegisterDiff,
  type RegisterProblem,
  type TransitionPlan,
} from "./register";

/*
 * `npm run admin -- register-update`: moves the register in the database on by one change of the
 * municipal map, the way the seed replays the changes of seeds/data/. The register it starts from
 * is the one valid the day before the change; a change that is already in the register is
 * recognised, so running the update again does nothing.
 */

type Executor = DB | Transaction<Database>;

export interface RegisterFile {
  /** as the platform admin named it, for the messages */
  file: string;
  text: string;
}

export interface RegisterUpdateInput {
  /** the day the change takes effect, yyyy-mm-dd */
  date: string;
  classification: RegisterFile;
  changes: RegisterFile;
  apply: boolean;
  actorId?: string | null;
}

export interface RegisterUpdateResult {
  /** dryRun: nothing saved; applied: saved now; upToDate: the register already held it all */
  status: "dryRun" | "applied" | "upToDate";
  diff: RegisterDiff;
}

// Keeps every statement far below PostgreSQL's 65,535 parameters and SQLite's variable limit.
const CHUNK_SIZE = 200;

export async function updateRegister(db: DB, input: RegisterUpdateInput): Promise<RegisterUpdateResult> {
  if (!isIsoDate(input.date)) throw new Error(`not a calendar date: ${input.date}`);
  const problems: RegisterProblem[] = [];
  const after = parseClassification(input.classification.text, input.classification.file, problems);
  const links = parseChangeTable(input.changes.text, input.changes.file, problems);
  refuseIfAny(problems);
  const files = { classification: input.classification.file, changes: input.changes.file };
  const dryRun = await prepare(db, input.date, after, links, files);
  if (dryRun.upToDate) return { status: "upToDate", diff: dryRun.diff };
  if (!input.apply) return { status: "dryRun", diff: dryRun.diff };
  return transact(db, async (trx) => {
    // Read again inside the transaction: what it writes rests on what it sees there.
    const prepared = await prepare(trx, input.date, after, links, files);
    if (prepared.upToDate) return { status: "upToDate", diff: prepared.diff };
    await write(trx, prepared.plan);
    await recordAudit(trx, {
      cooperationId: null,
      actorId: input.actorId ?? null,
      action: "register.updated",
      entityType: "municipality_register",
      entityId: input.date,
      after: {
        date: input.date,
        files,
        merged: prepared.diff.merged.length,
        split: prepared.diff.split.length,
        renumbered: prepared.diff.renumbered.length,
        renamed: prepared.diff.renamed,
        unchanged: prepared.diff.unchanged,
        opened: prepared.plan.opened.map((m) => m.id),
        closed: prepared.plan.closed.map((m) => m.id),
      },
    });
    return { status: "applied", diff: prepared.diff };
  });
}

interface Prepared {
  /** what is left to do: empty parts where the register already holds them */
  plan: TransitionPlan;
  diff: RegisterDiff;
  upToDate: boolean;
}

async function prepare(
  executor: Executor,
  date: string,
  after: Classification,
  links: Link[],
  files: { classification: string; changes: string },
): Promise<Prepared> {
  const current = await registerOn(executor, addDays(date, -1));
  refuseIfAny(checkTransition(current, after, links, date, files));
  const plan = planTransition(current, after, links, date);
  const structural = await alreadyStored(executor, plan);
  const remaining = structural ? { ...plan, opened: [], closed: [], changes: [] } : plan;
  const diff = diffOf(remaining, current, after);
  return { plan: remaining, diff, upToDate: structural && isEmptyDiff(diff) };
}

/** The register valid on `day`, by number. */
async function registerOn(executor: Executor, day: string): Promise<Map<string, Municipality>> {
  const rows = await executor
    .selectFrom("municipality")
    .selectAll()
    .where("valid_from", "<=", day)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", day)]))
    .orderBy("number")
    .execute();
  return new Map(rows.map((m) => [m.number, m]));
}

/**
 * Whether the new municipalities, the ends and the change rows of the plan are all in the
 * register already (true) or none of them (false); anything between is refused, since the
 * register then holds another account of that day than the files give. So is a register that
 * already holds a later change.
 */
async function alreadyStored(executor: Executor, plan: TransitionPlan): Promise<boolean> {
  const date = plan.effective;
  // Names are not kept per period, so an earlier change added now would undo later renames.
  const later = await executor
    .selectFrom("municipality")
    .select((eb) => eb.fn.max("valid_from").as("latest"))
    .where("valid_from", ">", date)
    .executeTakeFirst();
  if (later?.latest) refuseIfAny([{ file: null, line: null, key: "laterChanges", details: { date, later: later.latest } }]);
  const opened = new Set(
    (await executor.selectFrom("municipality").select("id").where("valid_from", "=", date).execute()).map((r) => r.id),
  );
  const changes = new Set(
    (await executor.selectFrom("municipality_change").select("id").where("effective_date", "=", date).execute()).map((r) => r.id),
  );
  const stored = [
    ...plan.opened.map((m) => opened.has(m.id)),
    ...plan.closed.map((m) => m.valid_to === date),
    ...plan.changes.map((c) => changes.has(c.id)),
  ];
  const complete = stored.every(Boolean) && opened.size === plan.opened.length && changes.size === plan.changes.length;
  if (complete) return true;
  if (stored.some(Boolean) || opened.size || changes.size) {
    refuseIfAny([{ file: null, line: null, key: "partlyApplied", details: { date } }]);
  }
  return false;
}

async function write(trx: Transaction<Database>, plan: TransitionPlan): Promise<void> {
  const predecessors = new Map(plan.closed.map((m) => [m.id, m]));
  const populations = await populationsOf(
    trx,
    plan.changes.map((c) => c.predecessor_id),
  );
  const formations = await formationsOf(trx, plan);
  const { municipalities, population } = deriveOpened(
    plan,
    (id) => ({
      writtenStandard: predecessors.get(id)?.written_standard ?? null,
      population: populations.get(id),
    }),
    (id) => formations.get(id) ?? [],
  );
  for (const chunk of chunks(municipalities)) await trx.insertInto("municipality").values(chunk).execute();
  for (const chunk of chunks(population)) await trx.insertInto("municipality_population").values(chunk).execute();
  for (const chunk of chunks(plan.closed.map((m) => m.id)))
    await trx.updateTable("municipality").set({ valid_to: plan.effective }).where("id", "in", chunk).execute();
  for (const { municipality, name } of plan.renamed)
    await trx.updateTable("municipality").set({ name }).where("id", "=", municipality.id).execute();
  for (const chunk of chunks(plan.changes)) await trx.insertInto("municipality_change").values(chunk).execute();
}

/**
 * What each split municipality was formed of, whole, on its first day: for a split along those
 * borders. Only the predecessors of a part are asked about, in chunks, not one query each.
 */
async function formationsOf(trx: Transaction<Database>, plan: TransitionPlan): Promise<Map<string, Figures[]>> {
  const split = new Set(plan.changes.filter((c) => c.partial === 1).map((c) => c.predecessor_id));
  const firstDay = new Map(plan.closed.filter((m) => split.has(m.id)).map((m) => [m.id, m.valid_from]));
  const found = new Map<string, Figures[]>();
  for (const chunk of chunks([...firstDay.keys()])) {
    const rows = await trx
      .selectFrom("municipality_change as c")
      .innerJoin("municipality as p", "p.id", "c.predecessor_id")
      .leftJoin("municipality_population as pop", (join) =>
        join.onRef("pop.municipality_id", "=", "p.id").on("pop.year", "=", POPULATION_YEAR),
      )
      .select(["c.successor_id", "c.effective_date", "p.name", "p.written_standard", "pop.population"])
      .where("c.successor_id", "in", chunk)
      .where("c.partial", "=", 0)
      .execute();
    for (const r of rows.filter((r) => r.effective_date === firstDay.get(r.successor_id))) {
      const figures = { name: r.name, writtenStandard: r.written_standard, population: r.population ?? undefined };
      found.set(r.successor_id, [...(found.get(r.successor_id) ?? []), figures]);
    }
  }
  return found;
}

async function populationsOf(trx: Transaction<Database>, ids: string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await trx
      .selectFrom("municipality_population")
      .select(["municipality_id", "population"])
      .where("year", "=", POPULATION_YEAR)
      .where("municipality_id", "in", chunk)
      .execute();
    for (const row of rows) found.set(row.municipality_id, row.population);
  }
  return found;
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) out.push(rows.slice(start, start + CHUNK_SIZE));
  return out;
}
