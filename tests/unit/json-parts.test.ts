import { json } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { jsonWith, serializeJson } from "../../app/utils/json-parts.server";

describe("a loader's JSON with a part serialised before", () => {
  it("sends what json() sends for the spread of the two, the serialised members winning", async () => {
    const fresh = { slug: "ekommune-sunnmore", year: 2014, filters: { status: undefined, area: "a1" }, shared: "fresh" };
    const cached = { matrix: { groups: [{ title: "Samhandling «æøå»", cells: "0716" }] }, shared: "cached", none: null };
    const response = jsonWith(fresh, serializeJson(cached));
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual(await json({ ...fresh, ...cached }).json());
  });

  it("leaves out the comma when either side has no members", async () => {
    expect(await jsonWith({}, serializeJson({ a: 1 })).json()).toEqual({ a: 1 });
    expect(await jsonWith({ a: 1 }, serializeJson({})).json()).toEqual({ a: 1 });
    expect(await jsonWith({}, serializeJson({})).json()).toEqual({});
  });
});
