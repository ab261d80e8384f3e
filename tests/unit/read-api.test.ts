import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ENDPOINTS } from "../../app/api/endpoints.server";
import { openApiDocument } from "../../app/api/openapi.server";
import { DEFAULT_LIMIT, MAX_LIMIT, pageOf, PAGE_QUERY } from "../../app/api/pagination.server";
import { parameterErrors, problemBody, problemResponse } from "../../app/api/problem.server";
import { kroner as nok } from "../../app/open-data/datasets.server";

const ORIGIN = "https://fellesloft.example";

describe("problem details", () => {
  it("have the five members of RFC 9457, with the status's own title", async () => {
    expect(problemBody(404, "Nothing here.", "/api/v1/x")).toEqual({
      type: "about:blank",
      title: "Not Found",
      status: 404,
      detail: "Nothing here.",
      instance: "/api/v1/x",
    });
    const response = problemResponse(400, "Refused.", "/api/v1/y", { errors: [{ parameter: "limit", message: "too big" }] });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ title: "Bad Request", errors: [{ parameter: "limit", message: "too big" }] });
  });

  it("name the refused query parameter, or the unknown ones", () => {
    const schema = z.strictObject(PAGE_QUERY);
    const bad = schema.safeParse({ limit: "0" });
    expect(bad.success).toBe(false);
    expect(parameterErrors(bad.error!).map((e) => e.parameter)).toEqual(["limit"]);
    const unknown = schema.safeParse({ colour: "red" });
    expect(parameterErrors(unknown.error!).map((e) => e.parameter)).toEqual(["colour"]);
  });
});

describe("pagination", () => {
  const items = Array.from({ length: 7 }, (_, i) => i);
  const url = new URL(`${ORIGIN}/api/v1/cooperations/x/measures?lang=nn`);

  it("defaults to a page of 100, at most 1000, and refuses what is not a count", () => {
    const schema = z.strictObject(PAGE_QUERY);
    expect(schema.parse({})).toEqual({ limit: DEFAULT_LIMIT, offset: 0 });
    expect(schema.parse({ limit: String(MAX_LIMIT), offset: "3" })).toEqual({ limit: MAX_LIMIT, offset: 3 });
    for (const limit of ["0", String(MAX_LIMIT + 1), "1.5", "ten", ""])
      expect(schema.safeParse({ limit }).success, limit).toBe(false);
    expect(schema.safeParse({ offset: "-1" }).success).toBe(false);
  });

  it("links pages with absolute URLs that keep the other parameters, until the last", () => {
    const visited: number[] = [];
    let next: string | null = url.href;
    let pages = 0;
    while (next) {
      const asked: URL = new URL(next);
      const page: { count: number; results: number[]; next: string | null } = pageOf(items, schemaOf(asked), asked);
      expect(page.count).toBe(7);
      visited.push(...page.results);
      next = page.next;
      if (next) expect(new URL(next).searchParams.get("lang")).toBe("nn");
      if (next) expect(next.startsWith(`${ORIGIN}/api/v1/`)).toBe(true);
      pages++;
      if (pages === 1) next = next && withLimit(next, 3);
    }
    expect(visited).toEqual(items);
    expect(pageOf(items, { limit: 10, offset: 20 }, url)).toEqual({ count: 7, results: [], next: null });
  });

  function schemaOf(url: URL) {
    return z.strictObject({ ...PAGE_QUERY, lang: z.string().optional() }).parse(Object.fromEntries(url.searchParams));
  }
  function withLimit(href: string, limit: number) {
    const u = new URL(href);
    u.searchParams.set("limit", String(limit));
    return u.href;
  }
});

describe("money", () => {
  it("leaves as kroner with two decimals, exact for every øre amount", () => {
    expect(nok(123456)).toBe(1234.56);
    expect(JSON.stringify(nok(10))).toBe("0.1");
    for (const ore of [1, 7, 99, 101, 29_999_999, 123_456_789_01]) expect(Math.round(nok(ore) * 100)).toBe(ore);
  });
});

describe("the OpenAPI document", () => {
  const doc = openApiDocument(ORIGIN);

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("names the server, the licence, and every endpoint with its parameters and errors", () => {
    expect(doc.servers).toEqual([{ url: `${ORIGIN}/api/v1`, description: "This installation" }]);
    expect(doc.info.license.url).toBe("http://data.norge.no/nlod/no/2.0");
    const paths = doc.paths as Record<string, { get: { parameters: { name?: string }[]; responses: Record<string, unknown> } }>;
    expect(Object.keys(paths).sort()).toEqual([...Object.values(ENDPOINTS).map((e) => e.path), "/openapi.json"].sort());
    for (const endpoint of Object.values(ENDPOINTS)) {
      const op = paths[endpoint.path].get;
      for (const name of endpoint.path.match(/\{(\w+)\}/g) ?? []) {
        expect(
          op.parameters.map((p) => p.name),
          endpoint.path,
        ).toContain(name.slice(1, -1));
      }
      expect(Object.keys(op.responses), endpoint.path).toEqual(expect.arrayContaining(["200", "304", "405", "429"]));
      if (endpoint.parts) expect(Object.keys(op.responses), endpoint.path).toContain("404");
      if (endpoint.list)
        expect(
          op.parameters.map((p) => p.name),
          endpoint.path,
        ).toEqual(expect.arrayContaining(["limit", "offset"]));
    }
  });

  it("describes money in kroner and municipalities by number and name", () => {
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    expect(schemas.Municipality.properties).toEqual({
      number: { type: "string", pattern: "^\\d{4}$" },
      name: { type: "string" },
    });
    const text = JSON.stringify(schemas);
    expect(text).toContain("budget_nok");
    expect(text).toMatch(/Norwegian kroner with two decimals/);
    expect(text).not.toMatch(/"\$schema"|"\$id"/);
  });
});
