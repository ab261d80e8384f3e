import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { DB } from "../../db/connect";
import { seedDemo } from "../../seeds/demo";
import { testDatabases } from "../support/databases";
import { loginCookie, startServer, type TestServer } from "../support/server";

const postgres = testDatabases().find((d) => d.name === "postgres");

// In CI PostgreSQL is always there (the global setup fails otherwise); only a developer machine
// without it leaves this out, with a warning printed by the global setup.
describe.skipIf(!inject("postgresUrl"))("the same app on PostgreSQL (DATABASE_URL=postgres://…)", () => {
  let server: TestServer;
  let db: DB;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await postgres!.open();
    ({ db, close } = opened);
    await seedDemo(db);
    server = await startServer({}, { databaseUrl: opened.url });
  });
  afterAll(async () => {
    await server?.stop();
    await close?.();
  });

  it("reports PostgreSQL on /healthz", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok", db: "postgres" });
  });

  it("logs in and shows the cooperation overview from PostgreSQL", async () => {
    const cookie = await loginCookie(server, "sekretariat@ekommune-sunnmore.example");
    const html = await (await fetch(`${server.url}/c/ekommune-sunnmore`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain("IKT-strategi for eKommune Sunnmøre 2013–2016");
    expect(html).toContain("Innføring av Feide i kommunane");
    expect(html).toMatch(/29\s%\s\(2 av 7 kommunar\)/);
    const other = await fetch(`${server.url}/c/knutepunkt-sorlandet`, { headers: { Cookie: cookie } });
    expect(other.status).toBe(404);
  });
});
