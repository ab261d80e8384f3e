import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CachedTableBody } from "../../app/ui/cached-html";

describe("a table body built once per key", () => {
  it("is in React's own render, built the first time its key is seen", () => {
    const built: string[] = [];
    const page = (key: string) =>
      renderToString(
        createElement(
          "table",
          null,
          createElement(CachedTableBody, {
            cacheKey: key,
            build: () => {
              built.push(key);
              return `<tr><td>${key} ●</td></tr>`;
            },
          }),
        ),
      );
    expect(page("matrix|v1|nn")).toBe("<table><tbody><tr><td>matrix|v1|nn ●</td></tr></tbody></table>");
    expect(page("matrix|v1|nn")).toBe("<table><tbody><tr><td>matrix|v1|nn ●</td></tr></tbody></table>");
    expect(page("matrix|v2|nn")).toBe("<table><tbody><tr><td>matrix|v2|nn ●</td></tr></tbody></table>");
    expect(built).toEqual(["matrix|v1|nn", "matrix|v2|nn"]);
  });
});
