import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// the server loads these packages' CommonJS builds, which is what patches/ changes; FRAMEWORK_ROOT
// points the checks at another copy's node_modules (scripts/bench/patch-ab.ts makes such copies)
const root = process.env.FRAMEWORK_ROOT;
const require = createRequire(root ? path.join(path.resolve(root), "package.json") : import.meta.url);

describe("the framework patch is applied (patches/, decision 032)", () => {
  it("@remix-run/router ranks a route table once, not on every match", () => {
    const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");
    const routes: { id: string; path: string }[] = [{ id: "a", path: "/a" }];
    expect(matchRoutes(routes, "/a")?.[0]?.route.id).toBe("a");
    // the same table changed in place is matched against its first ranking
    routes.push({ id: "b", path: "/b" });
    expect(matchRoutes(routes, "/b")).toBeNull();
    expect(matchRoutes([...routes], "/b")?.[0]?.route.id).toBe("b");
  });
});
