import { describe, expect, it } from "vitest";
import { keptHtml, renderKeepingHtml } from "../../app/ui/kept-html";

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** what the browser receives: the rendered parts with the kept bytes in between */
function document({ parts, kept }: { parts: string[]; kept: Uint8Array[] }): string {
  return parts.map((part, i) => part + (i < kept.length ? decode(kept[i]) : "")).join("");
}

describe("markup kept for many responses", () => {
  it("outside a document render (the browser) gives the markup, made once per key", () => {
    const made: string[] = [];
    const body = (key: string) =>
      keptHtml(key, () => {
        made.push(key);
        return `<tr><td>${key} ●</td></tr>`;
      });
    expect(body("browser|v1|nn")).toBe("<tr><td>browser|v1|nn ●</td></tr>");
    expect(body("browser|v1|nn")).toBe("<tr><td>browser|v1|nn ●</td></tr>");
    expect(body("browser|v1|nb")).toBe("<tr><td>browser|v1|nb ●</td></tr>");
    expect(made).toEqual(["browser|v1|nn", "browser|v1|nb"]);
  });

  it("in a document render puts a marker in its place and hands over its bytes, encoded once", () => {
    let made = 0;
    const render = () =>
      `<table><tbody>${keptHtml("server|v1|nn", () => {
        made++;
        return "<tr><td>Sunnmøre ●</td></tr>";
      })}</tbody></table><p>${keptHtml("server|v2|nn", () => "<tr><td>Giske</td></tr>")}</p>`;
    const first = renderKeepingHtml(render);
    expect(first.parts).toEqual(["<table><tbody>", "</tbody></table><p>", "</p>"]);
    expect(first.kept.map(decode)).toEqual(["<tr><td>Sunnmøre ●</td></tr>", "<tr><td>Giske</td></tr>"]);
    expect(document(first)).toBe("<table><tbody><tr><td>Sunnmøre ●</td></tr></tbody></table><p><tr><td>Giske</td></tr></p>");
    const second = renderKeepingHtml(render);
    expect(second.kept[0]).toBe(first.kept[0]);
    expect(made).toBe(1);
  });

  it("leaves out a part kept but not rendered (a page showing its empty state instead), the others in their places", () => {
    const empty = renderKeepingHtml(() => {
      keptHtml("unused|v1|nb", () => "<tr><td>Sula</td></tr>");
      return "<p>Ingen tiltak gjennomføres i 2020 med disse filtrene.</p>";
    });
    expect(empty).toEqual({ parts: ["<p>Ingen tiltak gjennomføres i 2020 med disse filtrene.</p>"], kept: [] });
    expect(document(empty)).toBe("<p>Ingen tiltak gjennomføres i 2020 med disse filtrene.</p>");

    // the unused part comes first: the next marker must still get its own bytes, not the unused ones
    const some = renderKeepingHtml(() => {
      keptHtml("unused|v1|nn", () => "<tr><td>Hareid</td></tr>");
      const used = keptHtml("used|v1|nn", () => "<tr><td>Ørsta</td></tr>");
      keptHtml("unused|v2|nn", () => "<tr><td>Volda</td></tr>");
      return `<tbody>${used}</tbody>`;
    });
    expect(some.parts).toEqual(["<tbody>", "</tbody>"]);
    expect(document(some)).toBe("<tbody><tr><td>Ørsta</td></tr></tbody>");
  });

  it("refuses a document whose markers it did not put there, and leaves no render half-open", () => {
    // no name, as the markers were once
    expect(() => renderKeepingHtml(() => "<p><!--kept-html--></p>")).toThrow("kept-html marker not kept in this render");
    // a part this render never kept, though it kept another
    expect(() =>
      renderKeepingHtml(() => {
        const marker = keptHtml("refuse|v1", () => "<td>1</td>");
        return `<p>${marker}${marker.replace(":0-->", ":1-->")}</p>`;
      })
    ).toThrow("kept-html marker not kept in this render");
    // another render's marker, held over into this one
    let earlier = "";
    renderKeepingHtml(() => (earlier = keptHtml("refuse|v2", () => "<td>2</td>")));
    expect(() =>
      renderKeepingHtml(() => {
        keptHtml("refuse|v3", () => "<td>3</td>");
        return `<p>${earlier}</p>`;
      })
    ).toThrow("kept-html marker not kept in this render");
    // a marker cut short
    expect(() => renderKeepingHtml(() => `<p>${keptHtml("refuse|v4", () => "<td>4</td>").slice(0, -3)}</p>`)).toThrow(
      "kept-html marker not kept in this render"
    );
    expect(() =>
      renderKeepingHtml(() => {
        throw new Error("render failed");
      })
    ).toThrow("render failed");
    expect(keptHtml("after|v1", () => "<td>1</td>")).toBe("<td>1</td>");
  });

  it("keeps at most 32 pieces of markup, forgetting the least recently used", () => {
    const made: string[] = [];
    const body = (key: string) =>
      keptHtml(key, () => {
        made.push(key);
        return key;
      });
    body("evict|first");
    for (let i = 0; i < 32; i++) body(`evict|${i}`);
    made.length = 0;
    body("evict|31");
    body("evict|first");
    expect(made).toEqual(["evict|first"]);
  });
});
