import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// the server loads these packages' CommonJS builds, which is what patches/ changes
const require = createRequire(import.meta.url);

describe("the framework patches are applied (patches/, decision 011)", () => {
  it("@remix-run/router ranks a route table once, not on every match", () => {
    const { matchRoutes } = require("@remix-run/router") as typeof import("@remix-run/router");
    const routes: { id: string; path: string }[] = [{ id: "a", path: "/a" }];
    expect(matchRoutes(routes, "/a")?.[0]?.route.id).toBe("a");
    // the same table changed in place is matched against its first ranking
    routes.push({ id: "b", path: "/b" });
    expect(matchRoutes(routes, "/b")).toBeNull();
    expect(matchRoutes([...routes], "/b")?.[0]?.route.id).toBe("b");
  });

  it("react-router-dom's createStaticRouter converts a route table once", () => {
    const { createStaticRouter } = require("react-router-dom/server") as typeof import("react-router-dom/server");
    const routes = [{ id: "root", path: "/" }];
    const context = { location: { pathname: "/" }, matches: [], loaderData: {} } as never;
    expect(createStaticRouter(routes, context).routes).toBe(createStaticRouter(routes, context).routes);
  });

  it("@remix-run/server-runtime hands a loader the request itself when there is no parameter to strip", async () => {
    const { callRouteLoader } = require("@remix-run/server-runtime/dist/data.js") as {
      callRouteLoader(args: Record<string, unknown>): Promise<unknown>;
    };
    const request = new Request("http://localhost/c/x/matrix?year=2024");
    let seen: Request | undefined;
    await callRouteLoader({
      request,
      loader: ({ request: r }: { request: Request }) => ((seen = r), null),
      params: {},
      loadContext: {},
      routeId: "routes/x",
      singleFetch: false,
    });
    expect(seen).toBe(request);
  });

  it("@remix-run/react's RemixServer makes the React routes once per build", () => {
    const source = require("node:fs").readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8") as string;
    expect(source).toContain("serverRoutes.get(manifest.routes)");
  });
});
