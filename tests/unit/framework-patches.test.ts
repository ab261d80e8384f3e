import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// the server loads these packages' CommonJS builds, which is what patches/ changes; FRAMEWORK_ROOT
// points the checks at another copy's node_modules (scripts/bench/patch-ab.ts makes such copies)
const root = process.env.FRAMEWORK_ROOT;
const require = createRequire(root ? path.join(path.resolve(root), "package.json") : import.meta.url);

describe("the framework patches are applied (patches/, decisions 032 and 034)", () => {
  it("@remix-run/router ranks a route table once, not on every match", () => {
    const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");
    const routes: { id: string; path: string }[] = [{ id: "a", path: "/a" }];
    expect(matchRoutes(routes, "/a")?.[0]?.route.id).toBe("a");
    // the same table changed in place is matched against its first ranking
    routes.push({ id: "b", path: "/b" });
    expect(matchRoutes(routes, "/b")).toBeNull();
    expect(matchRoutes([...routes], "/b")?.[0]?.route.id).toBe("b");
  });

  it("react-dom's server stream never sends the unwritten tail of its buffer", async () => {
    const React = require("react") as typeof import("react");
    const { renderToPipeableStream } = require("react-dom/server") as typeof import("react-dom/server");
    const { Writable } = require("node:stream") as typeof import("node:stream");
    // a text with two-byte letters placed at every offset around the end of the 2 kB buffer
    const renders = Array.from({ length: 300 }, (_, shift) =>
      React.createElement(
        "form",
        null,
        Array.from({ length: 20 }, (_, i) => React.createElement("p", { key: i }, "a".repeat(80 + (i === 0 ? shift : 0)))),
        React.createElement("textarea", { defaultValue: "æøå\nÆØÅ 😀 slutt", readOnly: true }),
      ),
    );
    const withZero: number[] = [];
    for (const [shift, element] of renders.entries()) {
      const chunks: Buffer[] = [];
      await new Promise<void>((resolve, reject) => {
        const stream = renderToPipeableStream(element, {
          onAllReady() {
            stream.pipe(
              new Writable({
                write(chunk: Buffer, _encoding, done) {
                  chunks.push(Buffer.from(chunk));
                  done();
                },
                final(done) {
                  resolve();
                  done();
                },
              }),
            );
          },
          onError: reject,
        });
      });
      if (Buffer.concat(chunks).includes(0)) withZero.push(shift);
    }
    expect(withZero).toEqual([]);
  });
});
