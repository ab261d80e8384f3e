/*
 * The round trip of every form, in Chromium, with and without JavaScript. Every page of the route
 * manifest is opened in the actor's own cooperation by each role that may write there
 * (secretariat, board, reporter), and every POST form it shows is either round-tripped or named
 * below with the reason it is left out. A round trip types a text with markup characters, quotes,
 * Norwegian letters, an emoji and (in a textarea) line breaks into every text field, saves, opens
 * the form again and expects exactly that text back — in the fields and on the page that shows
 * the record — and then saves the reloaded form unchanged and expects no row of any table to
 * change. This is the guard against saves that re-create child records, escape a text twice or
 * trim it, and unchanged saves that still write (a new row version, an audit event).
 *
 * A form that adds a record (a comment, an uptake report, a focus area) is round-tripped too: it
 * must add that record and nothing else, and its text must show where the record is shown.
 *
 * Each mode gets its own server (a fresh copy of the demo database), so the two modes never see
 * each other's records. Within a mode the routes' tests share it and may run in any order: the
 * records that open forms are made before the first (prepare()), and each test checks its own
 * route's coverage. The background jobs are held back for the length of the test: a reminder
 * or a sent e-mail in the middle of a save would read as a change the save made.
 */
import { sql } from "kysely";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { EKOMMUNE } from "../../seeds/demo-content";
import {
  clickSubmit,
  javaScriptEnabled,
  launchBrowser,
  login,
  newContext,
  pathOf,
  visit,
  waitForHydration,
} from "../support/browser";
import {
  changedTables,
  loadRouteManifest,
  resolveRouteUrl,
  tableDigests,
  type CooperationRef,
  type ManifestRoute,
} from "../support/route-manifest";
import { cooperationIdOf, userIdByEmail } from "../support/queries";
import { startServer, type TestServer } from "../support/server";
import { addFocusArea, addGoal } from "../../app/strategy/strategy-write.server";

const SLUG = EKOMMUNE.slug;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const BOARD = "styre@ekommune-sunnmore.example";
const GISKE = "ikt@giske.example";
/** every page is opened by each of them, and each round-trips the forms it is shown */
const ACTORS = [SECRETARIAT, BOARD, GISKE] as const;

// ---------------------------------------------------------------------------------------------
// What the test leaves out, and what it expects an add form to add

interface Skip {
  /** the route the form posts to (its page's route); or, for the site chrome, the action path */
  route?: string;
  action?: string;
  /** the form's `intent` (its submit button's or a hidden field's); none: every form of the route */
  intents?: readonly string[];
  reason: string;
}

/**
 * Forms whose purpose is a one-way step, not editing: there is nothing to type back and no
 * "unchanged" save of them. Their own tests are in the workflow files (plans, strategy, uptake, …).
 */
const SKIPPED: readonly Skip[] = [
  { action: "/logout", reason: "signs out: ends the session, edits no record" },
  { action: "/language", reason: "the language switcher: a preference, not a record" },
  {
    route: "routes/c.$slug.plans._index",
    reason: "starts a year's plan (rolled from last year's or empty): one step of the yearly cycle, no text",
  },
  {
    route: "routes/c.$slug.plans.$year._index",
    intents: ["sendForInput", "closeInput", "submit", "approve", "return", "reopen", "amend"],
    reason: "the plan's approval workflow: each moves a version one step (a decision's text is recorded once)",
  },
  {
    route: "routes/c.$slug.plans.$year.comments",
    intents: ["markHandled", "markUnhandled"],
    reason: "marks a comment handled or not: a state toggle without text",
  },
  { route: "routes/c.$slug.plans.$year.items", intents: ["remove"], reason: "removes an item from the plan" },
  {
    route: "routes/c.$slug.strategies.$id._index",
    intents: ["moveArea", "moveGoal", "removeArea", "removeGoal", "startRevision"],
    reason: "reorders or removes a focus area or goal, or starts a revision: no text",
  },
  {
    route: "routes/c.$slug.strategies.$id.adopt",
    reason: "adopts the draft with a decision; the strategy is frozen afterwards",
  },
  { route: "routes/c.$slug.reports.$year", intents: ["publish"], reason: "publishes the report; it is frozen afterwards" },
  { route: "routes/c.$slug.rounds.new", reason: "opens a reporting round and e-mails every reporter" },
  {
    route: "routes/c.$slug.rounds.$id",
    intents: ["remind", "return", "close"],
    reason: "reminds, returns a submission (with a one-time comment) or closes the round",
  },
  { route: "routes/c.$slug.uptake._index", intents: ["submit"], reason: "submits the municipality's answers to a round" },
  { route: "routes/c.$slug.mail", intents: ["requeue"], reason: "sends a failed e-mail again (no failed mail in the demo)" },
  {
    route: "routes/c.$slug.map-changes",
    intents: ["carry", "confirm"],
    reason: "carries a change of the map through, or confirms a moved reporter: a button without text",
  },
];

interface Adds {
  route: string;
  /** the form's intent; undefined: any form of the route */
  intent?: string;
  /** the page (path and query) the form adds from, when the same route also edits */
  page?: RegExp;
  /** the tables of the one record it adds; the first is the record's own */
  records: readonly string[];
  /** rows it may change besides adding (a parent's row version that guards its children) */
  bumps?: readonly string[];
}

/** Forms whose purpose is to add a record, with the tables that record lives in. */
const ADDS: readonly Adds[] = [
  {
    route: "routes/c.$slug.measures.new",
    records: [
      "measure",
      "measure_benefit",
      "measure_link",
      "measure_focus_area",
      "measure_goal",
      "measure_participant",
      "audit_event",
    ],
  },
  { route: "routes/c.$slug.strategies.new", records: ["strategy", "audit_event"] },
  { route: "routes/c.$slug.strategies.$id.area", page: /\/area$/, records: ["focus_area", "audit_event"], bumps: ["strategy"] },
  { route: "routes/c.$slug.strategies.$id.goal", page: /\/goal$/, records: ["goal", "audit_event"], bumps: ["strategy"] },
  { route: "routes/c.$slug.plans.$year.comments", intent: "comment", records: ["comment", "audit_event"] },
  { route: "routes/c.$slug.plans.$year.items", intent: "add", records: ["plan_item", "audit_event"], bumps: ["plan_version"] },
  { route: "routes/c.$slug.reports._index", records: ["annual_report", "audit_event"] },
  { route: "routes/c.$slug.uptake.$number", records: ["uptake_report", "uptake_benefit", "audit_event"] },
  { route: "routes/c.$slug.uptake._index", intent: "save", records: ["uptake_report", "audit_event"] },
];

/**
 * Fields whose text a save is known to drop ("route field"), not yet fixed; the test insists the
 * list matches what it observes, so keep it empty.
 */
const KNOWN_DROPPED: ReadonlySet<string> = new Set<string>([]);

// ---------------------------------------------------------------------------------------------
// Where a form is open

interface PageContext {
  db: DB;
  cooperation: CooperationRef;
  /** the page PARAM_TABLE resolves for the route */
  path: string;
}

async function strategyOf(db: DB, cooperationId: string, status: "draft" | "adopted"): Promise<string> {
  const row = await db
    .selectFrom("strategy")
    .select("id")
    .where("cooperation_id", "=", cooperationId)
    .where("status", "=", status)
    .orderBy("created_at")
    .orderBy("title")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The path with the segment after `after` replaced. */
function withSegment(path: string, after: string, value: string | number): string {
  const segments = path.split("/");
  const i = segments.indexOf(after);
  if (i < 0 || i + 1 >= segments.length) throw new Error(`${path} has no segment after /${after}/`);
  segments[i + 1] = encodeURIComponent(String(value));
  return segments.join("/");
}

type PageVariant = (ctx: PageContext) => Promise<string>;

/**
 * PARAM_TABLE aims a URL at some row of the cooperation; a form is often open only for some other
 * row (a draft strategy, not the adopted one; a draft report, not the published one), or has a
 * second mode behind a query (`?area=` edits the focus area the form would otherwise add). These
 * pages are tried instead, in this order — a later one can need the record an earlier one added.
 */
const FORM_PAGES: Record<string, readonly PageVariant[]> = {
  "routes/c.$slug.strategies.$id._index": [
    async ({ db, cooperation, path }) => withSegment(path, "strategies", await strategyOf(db, cooperation.id, "adopted")),
  ],
  "routes/c.$slug.strategies.$id.edit": [
    async ({ db, cooperation, path }) => withSegment(path, "strategies", await strategyOf(db, cooperation.id, "draft")),
  ],
  "routes/c.$slug.strategies.$id.adopt": [
    async ({ db, cooperation, path }) => withSegment(path, "strategies", await strategyOf(db, cooperation.id, "draft")),
  ],
  "routes/c.$slug.strategies.$id.area": [
    async ({ db, cooperation, path }) => withSegment(path, "strategies", await strategyOf(db, cooperation.id, "draft")),
    async ({ db, cooperation, path }) => {
      const strategyId = await strategyOf(db, cooperation.id, "draft");
      const area = await db
        .selectFrom("focus_area")
        .select("id")
        .where("strategy_id", "=", strategyId)
        .orderBy("sort_order")
        .executeTakeFirstOrThrow();
      return `${withSegment(path, "strategies", strategyId)}?area=${area.id}`;
    },
  ],
  "routes/c.$slug.strategies.$id.goal": [
    async ({ db, cooperation, path }) => withSegment(path, "strategies", await strategyOf(db, cooperation.id, "draft")),
    async ({ db, cooperation, path }) => {
      const strategyId = await strategyOf(db, cooperation.id, "draft");
      const goal = await db
        .selectFrom("goal")
        .innerJoin("focus_area", "focus_area.id", "goal.focus_area_id")
        .select("goal.id")
        .where("focus_area.strategy_id", "=", strategyId)
        .orderBy("focus_area.sort_order")
        .orderBy("goal.sort_order")
        .executeTakeFirstOrThrow();
      return `${withSegment(path, "strategies", strategyId)}?goal=${goal.id}`;
    },
  ],
  // evaluations are written for an adopted strategy, for a year of its period
  "routes/c.$slug.strategies.$id.evaluations.$year": [
    async ({ db, cooperation, path }) => {
      const id = await strategyOf(db, cooperation.id, "adopted");
      const { period_from } = await db
        .selectFrom("strategy")
        .select("period_from")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return withSegment(withSegment(path, "strategies", id), "evaluations", period_from + 1);
    },
  ],
  "routes/c.$slug.rounds.$id": [
    async ({ db, cooperation, path }) => {
      const round = await db
        .selectFrom("reporting_round")
        .select("id")
        .where("cooperation_id", "=", cooperation.id)
        .where("closed_at", "is", null)
        .executeTakeFirstOrThrow();
      return withSegment(path, "rounds", round.id);
    },
  ],
  // the items of a version under review are closed; prepare() amends an approved plan for this
  "routes/c.$slug.plans.$year.items": [async (ctx) => withSegment(ctx.path, "plans", await editablePlanYear(ctx))],
  // a published report is frozen; prepare() starts a draft
  "routes/c.$slug.reports.$year": [
    async ({ db, cooperation, path }) => {
      const draft = await db
        .selectFrom("annual_report")
        .select("year")
        .where("cooperation_id", "=", cooperation.id)
        .where("published_at", "is", null)
        .orderBy("year")
        .executeTakeFirstOrThrow();
      return withSegment(path, "reports", draft.year);
    },
  ],
};

async function editablePlanYear({ db, cooperation }: PageContext): Promise<number> {
  const row = await db
    .selectFrom("plan_version")
    .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
    .select("action_plan.year")
    .where("action_plan.cooperation_id", "=", cooperation.id)
    .where("plan_version.status", "in", ["draft", "returned"])
    .orderBy("action_plan.year")
    .executeTakeFirstOrThrow();
  return row.year;
}

/**
 * Where a record a form edits is shown, when that is not the page the save lands on or the form's
 * own page: its text must come back there too.
 */
const VIEW_PAGES: Record<string, (formPage: string) => string> = {
  "routes/c.$slug.measures.$number.edit": (p) => p.replace(/\/edit$/, ""),
  "routes/c.$slug.plans.$year.items": (p) => p.replace(/\/items$/, ""),
  // the contact point is shown to the public on the cooperation's public page
  "routes/c.$slug.settings": (p) => p.replace(/^\/c\/([^/]+)\/settings$/, "/public/$1"),
};

/** What a form needs besides text before it may be saved. */
const CHOICES: Record<string, (form: Locator) => Promise<void>> = {
  // a measure supports at least one focus area or goal; systems phased out need a system brought in
  "routes/c.$slug.measures.new": async (form) => {
    await form.locator('input[name="focusAreas"]').first().check();
    await form.locator('input[name="introducesSystem"]').check();
  },
  "routes/c.$slug.measures.$number.edit": (form) => form.locator('input[name="introducesSystem"]').check(),
};

// ---------------------------------------------------------------------------------------------
// Forms as the browser shows them

interface ShownForm {
  /** the form's id attribute, when it has one */
  id: string;
  /** path and query it posts to */
  action: string;
  intent: string | null;
  /** names of its fields, in order: with action and intent, what makes two forms "the same kind" */
  names: string[];
  /** its place among the page's forms of the same kind */
  nth: number;
  shape: string;
}

async function shownForms(page: Page): Promise<ShownForm[]> {
  const raw = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLFormElement>("form")]
      .filter((form) => form.method === "post")
      .map((form) => {
        const button = form.querySelector<HTMLButtonElement>("button[type=submit], button:not([type])");
        const intent = new FormData(form, button ?? undefined).get("intent");
        const url = new URL(form.action, location.href);
        return {
          id: form.id,
          action: url.pathname + url.search,
          intent: typeof intent === "string" ? intent : null,
          names: [...form.elements].map((e) => (e as HTMLInputElement).name).filter((n): n is string => Boolean(n)),
        };
      }),
  );
  const counts = new Map<string, number>();
  return raw.map((f) => {
    const shape = `${f.action} ${f.intent ?? ""} ${[...new Set(f.names)].join(",")}`;
    const nth = counts.get(shape) ?? 0;
    counts.set(shape, nth + 1);
    return { ...f, nth, shape };
  });
}

/** The same form on a (re)loaded page: by its id, or by its place among its kind; opened if it is folded away. */
async function locateForm(page: Page, form: ShownForm): Promise<Locator> {
  const forms = await shownForms(page);
  const index = (await page.evaluate(() => [...document.querySelectorAll("form")].map((f) => f.method === "post"))).reduce<
    number[]
  >((acc, post, i) => (post ? [...acc, i] : acc), []);
  // an id can carry a counter that changes with the page's records (the comment form's does)
  let at = form.id ? forms.findIndex((f) => f.id === form.id) : -1;
  if (at < 0) at = forms.findIndex((f) => f.shape === form.shape && f.nth === form.nth);
  if (at < 0) throw new Error(`the form ${form.id || form.shape} is not on ${pathOf(page)} any more`);
  // by its id where it has one: a position among the page's forms shifts when another form comes or goes
  const id = forms[at].id;
  const located = id ? page.locator(`form[id="${id}"]`) : page.locator("form").nth(index[at]);
  const folded = located.locator("xpath=ancestor::details[not(@open)]");
  for (let n = await folded.count(); n > 0; n--) await folded.first().locator("xpath=./summary").click();
  return located;
}

interface TextField {
  name: string;
  kind: "text" | "textarea" | "url";
  maxLength: number;
}

/**
 * The fields a person types text into. Inputs whose schema takes a number, a date or an e-mail
 * (by their type or inputmode) keep the value they have: a text there is refused, which is not
 * what this test is about. An address field (by its type, or a name ending in "url") keeps its
 * value too, but an empty one gets an address — a list row with a title and no address is refused.
 */
async function textFields(form: Locator): Promise<TextField[]> {
  return form.evaluate((el) =>
    [...(el as HTMLFormElement).elements]
      .filter(
        (e): e is HTMLInputElement | HTMLTextAreaElement => e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement,
      )
      .filter((e) => e.name && !e.disabled && !e.readOnly && e.getClientRects().length > 0)
      .filter((e) => e instanceof HTMLTextAreaElement || ["text", "search", "url"].includes(e.type))
      .filter((e) => !["numeric", "decimal", "tel", "email"].includes(e.inputMode))
      .map((e) => ({
        name: e.name,
        kind:
          e instanceof HTMLTextAreaElement
            ? ("textarea" as const)
            : e.type === "url" || e.inputMode === "url" || /url$/i.test(e.name)
              ? ("url" as const)
              : ("text" as const),
        maxLength: e.maxLength,
        empty: e.value === "",
      }))
      .filter((f) => f.kind !== "url" || f.empty)
      .map(({ empty: _empty, ...f }) => f),
  );
}

function fieldLocator(form: Locator, name: string): Locator {
  return form.locator(`textarea[name="${name}"], input[name="${name}"]:not([type=hidden])`).first();
}

/**
 * Unique per field (it starts with the field's name); the characters HTML, JSON, CSV and SQL treat
 * specially, two spaces inside, letters beyond ASCII and one beyond the BMP. A textarea's line
 * breaks are sent by the browser as CRLF.
 */
function typedText(field: TextField, tag: string): string {
  if (field.kind === "url") return `https://example.org/${tag}/${encodeURIComponent(field.name)}?a=1&b=æøå`;
  const text =
    field.kind === "textarea"
      ? `${field.name} ${tag}: & " ' < >  æøå\nÆØÅ 😀\nslutt`
      : `${field.name} ${tag}: & " ' < >  æøå ÆØÅ 😀`;
  if (field.maxLength > 0 && text.length > field.maxLength) {
    throw new Error(`${field.name} takes at most ${field.maxLength} characters; the test's text has ${text.length}`);
  }
  return text;
}

const normalise = (s: string) => s.replace(/\r\n?/g, "\n");

/** The text in what a page shows: whole, or (a view that gives each line a list item or paragraph) line by line, in order. */
function appearsIn(shown: string, text: string): boolean {
  if (shown.includes(text)) return true;
  let from = 0;
  for (const line of text.split("\n")) {
    const at = shown.indexOf(line, from);
    if (at < 0) return false;
    from = at + line.length;
  }
  return true;
}

/**
 * What the page shows as text: its main element without form controls (a textarea holds its value
 * as text). Read once the page has settled: when a lost click was followed by submitting the form
 * (clickSubmit), the click's own POST can still arrive and lead to one more page.
 */
async function shownText(page: Page): Promise<string> {
  const read = () =>
    page.evaluate(() => {
      const main = document.querySelector("main")?.cloneNode(true) as HTMLElement | undefined;
      if (!main) return "";
      main.querySelectorAll("textarea, input, script, style").forEach((e) => e.remove());
      return main.textContent ?? "";
    });
  try {
    return await read();
  } catch (error) {
    if (!String(error).includes("Execution context was destroyed")) throw error;
    await waitForHydration(page);
    return read();
  }
}

interface Submitted {
  status: number;
  errors: string[];
}

/** Presses the form's own submit button and waits for the page the save leads to. */
async function submit(page: Page, form: Locator, intent: string | null): Promise<Submitted> {
  const buttons = form.locator("button[type=submit], button:not([type])");
  const button = intent && (await buttons.count()) > 1 ? buttons.and(page.locator(`[value="${intent}"]`)) : buttons.first();
  const loaded = javaScriptEnabled(page) ? null : page.waitForEvent("load").catch(() => null);
  // longer than the context's wait: two test files share two cores, and a save may queue behind another's
  const request = await clickSubmit(page, button, javaScriptEnabled(page) ? 30_000 : 20_000);
  // with JavaScript the form's own validation can keep it from being sent at all
  if (!request) {
    const where = `on ${pathOf(page)}, button ${(await button.isVisible()) ? "visible" : "hidden"}`;
    return {
      status: 0,
      errors: [`not sent: ${(await visibleErrors(page)).join(" | ") || `no POST within the wait (${where})`}`],
    };
  }
  // a document POST answered with a redirect is reported on the request that was redirected
  const response = await request.response();
  if (!response) return { status: 0, errors: [`no answer to the POST on ${pathOf(page)}`] };
  await loaded;
  await waitForHydration(page);
  const status = response.status();
  return { status, errors: status >= 400 ? await visibleErrors(page) : [] };
}

async function visibleErrors(page: Page): Promise<string[]> {
  return (
    await page.locator("main .ds-error-summary, main .ds-validation-message, main .ds-alert[data-color=danger]").allInnerTexts()
  )
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Rows

type Row = Record<string, unknown>;

async function tableRows(db: DB, table: string): Promise<Row[]> {
  return (await sql<Row>`select * from ${sql.table(table)}`.execute(db)).rows;
}

const rowKey = (row: Row) =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k]]),
  );

/** Rows of `before` that `after` no longer holds as they were: changed or deleted. */
function lostRows(before: Row[], after: Row[]): Row[] {
  const left = new Map<string, number>();
  for (const r of after) left.set(rowKey(r), (left.get(rowKey(r)) ?? 0) + 1);
  return before.filter((r) => {
    const n = left.get(rowKey(r)) ?? 0;
    if (n === 0) return true;
    left.set(rowKey(r), n - 1);
    return false;
  });
}

/** What a parent's row may change when a child is added: its row version, and when. */
const BUMP_COLUMNS: ReadonlySet<string> = new Set(["version", "updated_at"]);

interface Snapshot {
  digests: Record<string, string>;
  rows: Map<string, Row[]>;
}

async function snapshot(db: DB, adds: Adds | undefined): Promise<Snapshot> {
  const rows = new Map<string, Row[]>();
  for (const t of adds ? [...adds.records, ...(adds.bumps ?? [])] : []) rows.set(t, await tableRows(db, t));
  return { digests: await tableDigests(db), rows };
}

/**
 * What an add form's save did besides adding its record: a table outside the record changed, a
 * row of the record's tables was rewritten or deleted, or a parent changed more than its version.
 */
async function addProblems(db: DB, before: Snapshot, adds: Adds): Promise<string[]> {
  const changed = changedTables(before.digests, await tableDigests(db));
  const bumps = adds.bumps ?? [];
  const problems: string[] = [];
  const outside = changed.filter((t) => !adds.records.includes(t) && !bumps.includes(t));
  if (outside.length) problems.push(`changed tables outside the record: ${outside.join(", ")}`);
  for (const table of changed.filter((t) => !outside.includes(t))) {
    const after = await tableRows(db, table);
    const lost = lostRows(before.rows.get(table) ?? [], after);
    if (!bumps.includes(table)) {
      if (lost.length)
        problems.push(`${table}: ${lost.length} existing row(s) changed or deleted, e.g. ${rowKey(lost[0]).slice(0, 300)}`);
      continue;
    }
    for (const old of lost) {
      const now = after.find((r) => r.id === old.id);
      const columns = now ? Object.keys(old).filter((k) => old[k] !== now[k] && !BUMP_COLUMNS.has(k)) : ["(deleted)"];
      if (columns.length) problems.push(`${table} ${String(old.id)}: changed ${columns.join(", ")}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

interface Outcome {
  route: string;
  actor: string;
  form: string;
  kind: "edit" | "add" | "skipped";
  note: string;
}

function skipOf(route: string, form: ShownForm): Skip | undefined {
  const actionPath = form.action.split("?")[0];
  return SKIPPED.find(
    (s) =>
      (s.action ? s.action === actionPath : s.route === route) &&
      (s.intents === undefined || (form.intent !== null && s.intents.includes(form.intent))),
  );
}

function addsOf(route: string, page: string, form: ShownForm): Adds | undefined {
  return ADDS.find(
    (a) =>
      a.route === route && (a.intent === undefined || a.intent === form.intent) && (a.page === undefined || a.page.test(page)),
  );
}

/** A form as the report names it: its id, or where it posts and what for. */
const formName = (form: ShownForm) => form.id || `${form.action}${form.intent ? ` ${form.intent}` : ""}`;

/**
 * What a route's test must have met, whatever ran before it: a form for every action (or a reason
 * in SKIPPED), every add form ADDS expects, and exactly the dropped texts KNOWN_DROPPED lists.
 */
function coverageProblems(route: ManifestRoute, met: Outcome[], dropped: Set<string>): string[] {
  const problems: string[] = [];
  const own = met.filter((o) => o.route === route.id);
  if (route.hasAction && own.length === 0 && !SKIPPED.some((s) => s.route === route.id)) {
    problems.push(`${route.id} has an action, but its page showed no form to any actor`);
  }
  for (const add of ADDS.filter((a) => a.route === route.id)) {
    if (!own.some((o) => o.kind === "add")) problems.push(`${route.id}: the add form ${add.intent ?? ""} was not met`);
  }
  const expected = [...KNOWN_DROPPED].filter((key) => key.startsWith(`${route.id} `)).sort();
  const seen = [...dropped].sort();
  if (expected.join("\n") !== seen.join("\n")) {
    problems.push(`${route.id}: texts a save drops are ${JSON.stringify(seen)}, KNOWN_DROPPED says ${JSON.stringify(expected)}`);
  }
  return problems;
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const manifest = (await loadRouteManifest())
  .filter((r) => r.kind === "tenant" && r.hasComponent && !r.pathless && !r.params.includes("*"))
  .sort((a, b) => a.id.localeCompare(b.id));

describe.each([
  { mode: "with JavaScript", javaScript: true, tag: "js" },
  { mode: "without JavaScript", javaScript: false, tag: "html" },
])("form round trip $mode", ({ javaScript, tag }) => {
  let server: TestServer;
  let cooperation: CooperationRef;
  const sessions = new Map<string, { context: BrowserContext; page: Page }>();
  /** what each route's test met, listed after the last */
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    server = await startServer({ JOB_INTERVAL_MS: String(60 * 60 * 1000) });
    cooperation = await server.db
      .selectFrom("cooperation")
      .select(["id", "slug", "name"])
      .where("slug", "=", SLUG)
      .executeTakeFirstOrThrow();
    for (const actor of ACTORS) {
      const session = await newContext(browser, { javaScript });
      await login(session.page, server, actor);
      sessions.set(actor, session);
    }
    await prepare();
  });

  afterAll(async () => {
    for (const { context } of sessions.values()) await context.close();
    await server?.stop();
  });

  /**
   * The one-way steps that open forms the demo data keeps closed: a draft version of a plan, a
   * draft report (for a year the reports page does not offer first, so its own form still adds one),
   * and a focus area with a goal in the draft strategy, so the goal form has an area to add to
   * whichever route's test runs first.
   */
  async function prepare() {
    await giveDraftStrategyAGoal();
    const { page } = sessions.get(SECRETARIAT)!;
    await visit(page, `${server.url}/c/${SLUG}/reports`);
    const yearSelect = page.locator("#report-year");
    const offered = await yearSelect
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const first = await yearSelect.inputValue();
    const other = offered.find((y) => y !== first);
    expect(other, `a year the reports page offers besides ${first}`).toBeDefined();
    await yearSelect.selectOption(other!);
    const created = await submit(page, page.locator("form", { has: yearSelect }), null);
    expect(created.errors, `starting the ${other} report`).toEqual([]);
    expect(created.status, `starting the ${other} report`).toBeLessThan(400);

    const year = (
      await server.db
        .selectFrom("plan_version")
        .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
        .select("action_plan.year")
        .where("action_plan.cooperation_id", "=", cooperation.id)
        .where("plan_version.status", "=", "approved")
        .orderBy("action_plan.year", "desc")
        .executeTakeFirstOrThrow()
    ).year;
    await visit(page, `${server.url}/c/${SLUG}/plans/${year}`);
    const result = await submit(page, page.locator("form#transition-amend"), "amend");
    expect(result.errors, `amending the ${year} plan`).toEqual([]);
    expect(result.status, `amending the ${year} plan`).toBeLessThan(400);
  }

  async function giveDraftStrategyAGoal() {
    const cooperationId = await cooperationIdOf(server.db, SLUG);
    const scope = { cooperationId, userId: await userIdByEmail(server.db, SECRETARIAT) };
    const strategyId = await strategyOf(server.db, cooperation.id, "draft");
    const versionOf = async () =>
      (await server.db.selectFrom("strategy").select("version").where("id", "=", strategyId).executeTakeFirstOrThrow()).version;
    const focusAreaId = await addFocusArea(server.db, {
      ...scope,
      strategyId,
      version: await versionOf(),
      values: { title: "Felles tenester", description: "Tenester vi lagar saman.", rationale: "Vi er små kvar for oss." },
    });
    await addGoal(server.db, {
      ...scope,
      strategyId,
      version: await versionOf(),
      focusAreaId,
      values: { text: "Alle kommunane nyttar same plattform.", indicator: null, target: null },
    });
  }

  async function pagesOf(route: ManifestRoute): Promise<PageVariant[]> {
    const variants = FORM_PAGES[route.id];
    if (variants) return [...variants];
    return [async ({ path }) => path];
  }

  /** Types into every text field, saves, and checks what comes back; then saves unchanged. */
  async function roundTrip(
    route: ManifestRoute,
    actor: string,
    path: string,
    form: ShownForm,
    adds: Adds | undefined,
    dropped: Set<string>,
  ) {
    const { page } = sessions.get(actor)!;
    const problems: string[] = [];
    const label = `${actor} ${path} form ${formName(form)}`;
    const fieldProblem = (name: string, problem: string) => {
      const key = `${route.id} ${name}`;
      if (KNOWN_DROPPED.has(key)) dropped.add(key);
      else problems.push(`${label}: field ${name} ${problem}`);
    };

    await visit(page, `${server.url}${path}`);
    let located = await locateForm(page, form);
    const fields = await textFields(located);
    const typed = new Map(fields.map((f) => [f.name, typedText(f, tag)]));
    for (const [name, text] of typed) await fieldLocator(located, name).fill(text);
    await CHOICES[route.id]?.(located);

    const before = await snapshot(server.db, adds);
    const saved = await submit(page, located, form.intent);
    if (saved.status >= 400 || saved.status === 0) {
      return [`${label}: the filled form was refused (${saved.status}): ${saved.errors.join(" | ")}`];
    }
    if (adds) {
      problems.push(...(await addProblems(server.db, before, adds)).map((p) => `${label}, filled save: ${p}`));
      const added = changedTables(before.digests, await tableDigests(server.db));
      if (!added.includes(adds.records[0])) problems.push(`${label}: the save added no ${adds.records[0]}`);
    }
    const texts = [await shownText(page)];

    await visit(page, `${server.url}${path}`);
    located = await locateForm(page, form);
    texts.push(await shownText(page));
    if (!adds) {
      for (const [name, text] of typed) {
        const value = await fieldLocator(located, name).inputValue();
        if (normalise(value) !== normalise(text)) {
          fieldProblem(name, `came back as ${JSON.stringify(value)}, typed ${JSON.stringify(text)}`);
        }
      }
    }
    const view = VIEW_PAGES[route.id];
    if (view) {
      await visit(page, `${server.url}${view(path)}`);
      texts.push(await shownText(page));
    }
    const shown = normalise(texts.join("\n"));
    for (const [name, text] of typed) {
      // an address is shown as a link's target, which its field's value already proves
      if (text.startsWith("https://") || appearsIn(shown, normalise(text))) continue;
      const at = shown.indexOf(`${name} ${tag}`);
      fieldProblem(
        name,
        `${JSON.stringify(text)} is not shown; ${
          at < 0 ? "nothing of it is" : `shown: ${JSON.stringify(shown.slice(at, at + text.length + 20))}`
        }`,
      );
    }

    // the reloaded form, sent as it is
    await visit(page, `${server.url}${path}`);
    located = await locateForm(page, form);
    const unchanged = await snapshot(server.db, adds);
    const again = await submit(page, located, form.intent);
    if (adds) {
      // sent again, an add form adds its record once more or is refused (an empty comment); nothing else
      problems.push(...(await addProblems(server.db, unchanged, adds)).map((p) => `${label}, unchanged save: ${p}`));
    } else {
      if (again.status >= 400 || again.status === 0) {
        problems.push(`${label}: the unchanged form was refused (${again.status}): ${again.errors.join(" | ")}`);
      }
      const changed = changedTables(unchanged.digests, await tableDigests(server.db));
      if (changed.length) problems.push(`${label}: the unchanged save wrote to ${changed.join(", ")}`);
    }
    return problems;
  }

  it.each(manifest.map((r) => ({ id: r.id, route: r })))(
    "$id: every editing form gives back what was typed, and an unchanged save writes nothing",
    async ({ route }) => {
      const problems: string[] = [];
      const met: Outcome[] = [];
      const dropped = new Set<string>();
      const { path: defaultPath } = await resolveRouteUrl(server.db, route, { cooperation });
      for (const variant of await pagesOf(route)) {
        const path = await variant({ db: server.db, cooperation, path: defaultPath });
        const statuses: (number | undefined)[] = [];
        for (const actor of ACTORS) {
          const { page } = sessions.get(actor)!;
          const response = await visit(page, `${server.url}${path}`);
          statuses.push(response?.status());
          if (response?.status() !== 200) continue;
          const forms = await shownForms(page);
          const done = new Set<string>();
          for (const form of forms) {
            if (done.has(form.shape)) continue;
            done.add(form.shape);
            const skip = skipOf(route.id, form);
            const formRoute = form.action.split("?")[0] === path.split("?")[0] ? route.id : form.action;
            const record: Outcome = { route: formRoute, actor, form: formName(form), kind: "skipped", note: "" };
            if (skip) {
              if (!skip.action) met.push({ ...record, note: skip.reason });
              continue;
            }
            const adds = addsOf(route.id, path, form);
            met.push({ ...record, kind: adds ? "add" : "edit" });
            problems.push(...(await roundTrip(route, actor, path, form, adds, dropped)));
          }
        }
        if (!statuses.includes(200)) problems.push(`${path} answered ${statuses.join(", ")} to ${ACTORS.join(", ")}`);
      }
      outcomes.push(...met);
      problems.push(...coverageProblems(route, met, dropped));
      expect(problems).toEqual([]);
    },
    120_000,
  );

  afterAll(() => {
    console.log(
      outcomes.map((o) => `${o.kind.padEnd(7)} ${o.route} (${o.actor}) ${o.form}${o.note ? ` — ${o.note}` : ""}`).join("\n"),
    );
  });
});
