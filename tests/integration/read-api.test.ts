/*
 * The read API as a client meets it: the OpenAPI document it serves is valid, every address it
 * documents answers what the document says, and it shows only what is published — the same 404
 * for an unpublished part as for an unknown cooperation, no user and nothing staff wrote for each
 * other. Open to any origin, without cookies, kept by caches that ask again, limited per address.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_PARTS } from "../../shared-schema/publication";
import { EKOMMUNE, KNUTEPUNKT } from "../../seeds/demo-content";
import { privateTexts } from "../support/private-texts";
import { publishParts } from "../support/publication";
import { onEachDemoDatabase, loginCookie, startServer, type TestServer } from "../support/server";

const SLUG = EKOMMUNE.slug;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const DOC_ID = "https://fellesloft.test/openapi.json";

interface Answer {
  url: string;
  status: number;
  headers: Headers;
  body: string;
  json: unknown;
}

type Doc = {
  servers: { url: string }[];
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
};

let server: TestServer;

async function call(server: TestServer, path: string, init: RequestInit = {}): Promise<Answer> {
  const url = path.startsWith("http") ? path : `${server.url}/api/v1${path}`;
  const response = await fetch(url, { redirect: "manual", ...init });
  const body = await response.text();
  let json: unknown = undefined;
  if (body && (response.headers.get("content-type") ?? "").includes("json")) json = JSON.parse(body);
  return { url, status: response.status, headers: response.headers, body, json };
}
const get = (path: string, init?: RequestInit) => call(server, path, init);

/** JSON pointer of a path's response schema in the document. */
function responsePointer(path: string, status: string, type: string): string {
  const escape = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
  return `${DOC_ID}#/paths/${escape(path)}/get/responses/${status}/content/${escape(type)}/schema`;
}

function validatorOf(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // the formats the document uses, checked as strictly as the answers need
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat("uri", { validate: (s: string) => URL.canParse(s) });
  ajv.addSchema({ ...doc, $id: DOC_ID });
  return (pointer: string, body: unknown) => {
    const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}
const PROBLEM_POINTER = `${DOC_ID}#/components/schemas/Problem`;

// the same checks on each database the demo runs on
onEachDemoDatabase(
  (opened) => {
    server = opened;
  },
  () => {
    describe("the read API", () => {
      let doc: Doc;
      let validate: ReturnType<typeof validatorOf>;
      const answers: Answer[] = [];

      beforeAll(async () => {
        const answer = await get("/openapi.json");
        expect(answer.status).toBe(200);
        doc = answer.json as Doc;
        validate = validatorOf(doc);
        answers.push(answer);
      });

      const expectProblem = (answer: Answer, status: number) => {
        expect(answer.status, answer.url).toBe(status);
        expect(answer.headers.get("content-type"), answer.url).toBe("application/problem+json; charset=utf-8");
        expect(validate(PROBLEM_POINTER, answer.json), answer.url).toEqual([]);
        expect(answer.json, answer.url).toMatchObject({ type: "about:blank", status, instance: new URL(answer.url).pathname });
        expect(answer.headers.get("access-control-allow-origin"), answer.url).toBe("*");
      };

      it("serves a valid OpenAPI 3.1 document naming this server and the NLOD licence", async () => {
        const validator = new Validator();
        const result = await validator.validate(doc as unknown as Record<string, unknown>);
        expect(result.errors).toBeUndefined();
        expect(result.valid).toBe(true);
        expect(doc.servers[0].url).toBe(`${server.url}/api/v1`);
        expect(JSON.stringify(doc)).toContain("http://data.norge.no/nlod/no/2.0");
      });

      it("answers every documented path with what the document says", async () => {
        const strategies = (await get(`/cooperations/${SLUG}/strategies`)).json as { results: { id: string }[] };
        const plans = (await get(`/cooperations/${SLUG}/plans`)).json as { results: { year: number }[] };
        const measures = (await get(`/cooperations/${SLUG}/measures`)).json as { results: { number: number }[] };
        const reports = (await get(`/cooperations/${SLUG}/reports`)).json as { results: { year: number }[] };
        for (const list of [strategies, plans, measures, reports]) expect(list.results.length).toBeGreaterThan(0);
        const values: Record<string, Record<string, string>> = {
          strategies: { id: strategies.results[0].id },
          plans: { year: String(plans.results[0].year) },
          measures: { number: String(measures.results[0].number) },
          reports: { year: String(reports.results[0].year) },
        };
        let checked = 0;
        for (const template of Object.keys(doc.paths)) {
          const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
            if (name === "slug") return SLUG;
            const segment = template.split("/").at(-2)!;
            return values[segment][name];
          });
          const answer = await get(path);
          answers.push(answer);
          expect(answer.status, path).toBe(200);
          expect(answer.headers.get("content-type"), path).toBe("application/json; charset=utf-8");
          if (template === "/openapi.json") continue;
          expect(validate(responsePointer(template, "200", "application/json"), answer.json), path).toEqual([]);
          checked++;
        }
        expect(checked).toBe(Object.keys(doc.paths).length - 1);
        // a year of the matrix other than the default, and a full page
        for (const path of [`/cooperations/${SLUG}/uptake?year=2013`, `/cooperations/${SLUG}/uptake?year=2014&limit=1000`]) {
          const answer = await get(path);
          answers.push(answer);
          expect(answer.status, path).toBe(200);
          expect(validate(responsePointer("/cooperations/{slug}/uptake", "200", "application/json"), answer.json), path).toEqual(
            [],
          );
        }
      });

      it("gives municipalities as number and name, and money in kroner", async () => {
        const plans = (await get(`/cooperations/${SLUG}/plans`)).json as { results: { url: string }[] };
        const plan = (await get(plans.results[0].url)).json as {
          items: { budget_nok: number; cost_shares: { shares: { municipality: { number: string; name: string } }[] } }[];
        };
        const stored = await server.db
          .selectFrom("plan_item")
          .innerJoin("plan_version", "plan_version.id", "plan_item.plan_version_id")
          .select("plan_item.budget")
          .where("plan_version.status", "=", "approved")
          .execute();
        expect(plan.items.length).toBeGreaterThan(0);
        for (const item of plan.items) expect(stored.map((s) => s.budget / 100)).toContain(item.budget_nok);
        const shares = plan.items.flatMap((i) => i.cost_shares.shares);
        expect(shares.length).toBeGreaterThan(0);
        expect(shares.every((s) => /^\d{4}$/.test(s.municipality.number) && s.municipality.name.length > 0)).toBe(true);
        const cooperation = (await get(`/cooperations/${SLUG}`)).json as { members: { number: string; name: string }[] };
        expect(cooperation.members.map((m) => m.number).sort()).toEqual([...EKOMMUNE.membersSince2024].sort());
      });

      it("pages through a list: `next` visits every item exactly once", async () => {
        const whole = (await get(`/cooperations/${SLUG}/uptake?year=2014&limit=1000`)).json as {
          count: number;
          results: { measure: { number: number }; municipality: { number: string } }[];
          next: string | null;
        };
        expect(whole.next).toBeNull();
        expect(whole.results.length).toBe(whole.count);
        expect(whole.count).toBeGreaterThan(20);
        const key = (r: (typeof whole.results)[number]) => `${r.measure.number}/${r.municipality.number}`;
        const seen: string[] = [];
        let next: string | null = `${server.url}/api/v1/cooperations/${SLUG}/uptake?year=2014&limit=7`;
        while (next) {
          const page = await get(next);
          expect(page.status, next).toBe(200);
          const body = page.json as typeof whole;
          expect(body.count).toBe(whole.count);
          expect(body.results.length).toBeLessThanOrEqual(7);
          seen.push(...body.results.map(key));
          next = body.next;
          if (next) expect(new URL(next).searchParams.get("year")).toBe("2014");
        }
        expect(seen).toEqual(whole.results.map(key));
        expect(new Set(seen).size).toBe(whole.count);
      });

      it("answers 404 problem details alike for an unknown cooperation, one that publishes nothing, and an unknown record", async () => {
        const paths = [
          "/cooperations/finst-ikkje",
          `/cooperations/${KNUTEPUNKT.slug}`,
          `/cooperations/${KNUTEPUNKT.slug}/measures`,
          `/cooperations/${KNUTEPUNKT.slug}/plans/2013`,
          `/cooperations/${SLUG}/plans/1999`,
          `/cooperations/${SLUG}/plans/abc`,
          `/cooperations/${SLUG}/reports/1999`,
          `/cooperations/${SLUG}/measures/99999`,
          `/cooperations/${SLUG}/strategies/00000000-0000-4000-8000-000000000000`,
          `/cooperations/${SLUG}/nothing-here`,
          "/nothing-here",
        ];
        const details = new Set<string>();
        for (const path of paths) {
          const answer = await get(path);
          expectProblem(answer, 404);
          details.add((answer.json as { detail: string }).detail);
        }
        expect(details.size).toBe(1);
        const list = (await get("/cooperations")).json as { results: { slug: string }[] };
        expect(list.results.map((c) => c.slug)).toEqual([SLUG]);
      });

      it("answers 400 naming each refused query parameter", async () => {
        const cases: [string, string][] = [
          ["/cooperations?limit=0", "limit"],
          ["/cooperations?limit=1001", "limit"],
          ["/cooperations?limit=ten", "limit"],
          ["/cooperations?offset=-1", "offset"],
          ["/cooperations?colour=red", "colour"],
          [`/cooperations/${SLUG}/uptake?year=1800`, "year"],
          [`/cooperations/${SLUG}/uptake?year=twenty`, "year"],
          [`/cooperations/${SLUG}?limit=5`, "limit"],
        ];
        for (const [path, parameter] of cases) {
          const answer = await get(path);
          expectProblem(answer, 400);
          expect(
            (answer.json as { errors: { parameter: string }[] }).errors.map((e) => e.parameter),
            path,
          ).toEqual([parameter]);
        }
      });

      it("only reads: other methods get 405 with Allow, and no write reaches the database", async () => {
        const before = await server.db
          .selectFrom("audit_event")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
          const answer = await get(`/cooperations/${SLUG}`, {
            method,
            headers: { Origin: server.origin, "Content-Type": "application/json" },
            body: "{}",
          });
          expectProblem(answer, 405);
          expect(answer.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        }
        const after = await server.db
          .selectFrom("audit_event")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        expect(Number(after.n)).toBe(Number(before.n));
      });

      it("is open to any origin: CORS on every answer and a preflight without credentials", async () => {
        const origin = { Origin: "https://kommune.example" };
        for (const path of ["/cooperations", `/cooperations/${SLUG}/plans`, "/cooperations/finst-ikkje"]) {
          const answer = await get(path, { headers: origin });
          expect(answer.headers.get("access-control-allow-origin"), path).toBe("*");
          expect(answer.headers.get("access-control-allow-credentials"), path).toBeNull();
          expect(answer.headers.get("access-control-expose-headers"), path).toContain("ETag");
        }
        const preflight = await get(`/cooperations/${SLUG}/measures`, {
          method: "OPTIONS",
          headers: { ...origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
        expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
        expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("if-none-match");
        expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
      });

      it("sets no cookie and ignores a session: a signed-in caller gets the anonymous answer", async () => {
        const cookie = await loginCookie(server, SECRETARIAT);
        for (const path of ["/cooperations", `/cooperations/${SLUG}`, `/cooperations/${KNUTEPUNKT.slug}`, "/openapi.json"]) {
          const anonymous = await get(path);
          const signedIn = await get(path, { headers: { Cookie: cookie } });
          expect(anonymous.headers.get("set-cookie"), path).toBeNull();
          expect(signedIn.headers.get("set-cookie"), path).toBeNull();
          expect(signedIn.status, path).toBe(anonymous.status);
          expect(signedIn.body, path).toBe(anonymous.body);
        }
        // the secretariat of Knutepunkt sees its own unpublished data inside, never through the API
        const knutepunkt = await loginCookie(server, "sekretariat@knutepunkt-sorlandet.example");
        expectProblem(await get(`/cooperations/${KNUTEPUNKT.slug}`, { headers: { Cookie: knutepunkt } }), 404);
      });

      it("may be kept by caches that ask again: ETag, 304 without a body, HEAD without one", async () => {
        for (const answer of answers) {
          expect(answer.headers.get("set-cookie"), answer.url).toBeNull();
          expect(answer.headers.get("cache-control"), answer.url).toBe("public, max-age=0, must-revalidate");
          expect(answer.headers.get("etag"), answer.url).toMatch(/^(W\/)?"[^"]+"$/);
        }
        for (const path of [
          "/openapi.json",
          "/cooperations",
          `/cooperations/${SLUG}/reports/2013`,
          `/cooperations/${SLUG}/uptake?limit=3`,
        ]) {
          const first = await get(path);
          const again = await get(path, { headers: { "If-None-Match": first.headers.get("etag")! } });
          expect(again.status, path).toBe(304);
          expect(again.body, path).toBe("");
          expect(again.headers.get("etag"), path).toBe(first.headers.get("etag"));
          expect(again.headers.get("ratelimit"), path).toMatch(/^limit=\d+, remaining=\d+, reset=\d+$/);
          const head = await get(path, { method: "HEAD" });
          expect(head.status, path).toBe(200);
          expect(head.body, path).toBe("");
          expect(head.headers.get("etag"), path).toBe(first.headers.get("etag"));
        }
        const other = await get(`/cooperations/${SLUG}/uptake?limit=4`);
        expect(other.headers.get("etag")).not.toBe((await get(`/cooperations/${SLUG}/uptake?limit=3`)).headers.get("etag"));
      });

      it("names no user and quotes nothing staff wrote for each other", async () => {
        const secrets = await privateTexts(server.db);
        expect(secrets.length).toBeGreaterThan(10);
        const escaped = (s: string) => JSON.stringify(s).slice(1, -1);
        const leaks = answers.flatMap((a) => secrets.filter((s) => a.body.includes(escaped(s))).map((s) => `${a.url}: ${s}`));
        expect(leaks).toEqual([]);
        const statusNotes = await server.db
          .selectFrom("measure")
          .select("status_text")
          .where("status_text", "is not", null)
          .execute();
        expect(statusNotes.length).toBeGreaterThan(0);
        expect(answers.some((a) => a.body.includes('"statusText"') || a.body.includes('"status_text"'))).toBe(false);
      });

      it("withdraws a part on the next request, whatever the caller holds", async () => {
        const plans = await get(`/cooperations/${SLUG}/plans`);
        const plan = await get(`/cooperations/${SLUG}/plans/2013`);
        expect([plans.status, plan.status]).toEqual([200, 200]);
        await publishParts(server.db, SLUG, SECRETARIAT, ["strategy", "reports"]);
        try {
          for (const [path, held] of [
            [`/cooperations/${SLUG}/plans`, plans],
            [`/cooperations/${SLUG}/plans/2013`, plan],
          ] as const) {
            expectProblem(await get(path, { headers: { "If-None-Match": held.headers.get("etag")! } }), 404);
          }
          // measures need the plan or the matrix; the uptake the matrix
          expectProblem(await get(`/cooperations/${SLUG}/measures`), 404);
          expectProblem(await get(`/cooperations/${SLUG}/uptake`), 404);
          expect((await get(`/cooperations/${SLUG}/reports`)).status).toBe(200);
          const cooperation = (await get(`/cooperations/${SLUG}`)).json as { published_parts: string[] };
          expect(cooperation.published_parts).toEqual(["strategy", "reports"]);

          await publishParts(server.db, SLUG, SECRETARIAT, ["matrix"]);
          expect((await get(`/cooperations/${SLUG}/measures`)).status).toBe(200);
          expectProblem(await get(`/cooperations/${SLUG}/strategies`), 404);

          // the plan alone shows its measures, but their uptake is the matrix's
          await publishParts(server.db, SLUG, SECRETARIAT, ["plan"]);
          const measure = (await get(`/cooperations/${SLUG}/measures/1`)).json as { uptake_history: unknown };
          expect(measure.uptake_history).toBeNull();

          await publishParts(server.db, SLUG, SECRETARIAT, []);
          expectProblem(await get(`/cooperations/${SLUG}`), 404);
          expect(((await get("/cooperations")).json as { count: number }).count).toBe(0);
        } finally {
          await publishParts(server.db, SLUG, SECRETARIAT, PUBLIC_PARTS);
        }
        expect((await get(`/cooperations/${SLUG}/plans/2013`)).status).toBe(200);
      });
    });
  },
);

describe("the read API's rate limit", () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startServer({ API_REQUESTS_PER_MINUTE: "5" });
  });
  afterAll(async () => {
    await limited?.stop();
  });

  it("counts every answer per address across the workers, and answers 429 with Retry-After past the limit", async () => {
    const paths = ["/cooperations", `/cooperations/${SLUG}`, "/nothing-here", `/cooperations/${SLUG}/plans`, "/openapi.json"];
    const remaining: number[] = [];
    for (const path of paths) {
      const answer = await call(limited, path);
      expect(answer.status, path).not.toBe(429);
      expect(answer.headers.get("ratelimit-policy"), path).toBe("5;w=60");
      const match = /^limit=5, remaining=(\d+), reset=(\d+)$/.exec(answer.headers.get("ratelimit") ?? "");
      expect(match, path).not.toBeNull();
      expect(Number(match![2])).toBeLessThanOrEqual(60);
      remaining.push(Number(match![1]));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    for (const init of [{}, { method: "OPTIONS" }, { method: "POST", headers: { Origin: limited.origin } }]) {
      const refused = await call(limited, "/cooperations", init);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expect(refused.json).toMatchObject({
        type: "about:blank",
        title: "Too Many Requests",
        status: 429,
        instance: "/api/v1/cooperations",
      });
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers.get("ratelimit")).toMatch(/^limit=5, remaining=0, reset=\d+$/);
      expect(refused.headers.get("ratelimit-policy")).toBe("5;w=60");
      expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    }
    // the pages are not the API's to limit
    expect((await fetch(`${limited.url}/public/${SLUG}`)).status).toBe(200);
  });
});
