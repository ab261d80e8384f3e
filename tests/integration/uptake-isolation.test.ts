import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { osloToday } from "@shared-schema/dates";
import { loadRouteManifest, resolveRouteUrl } from "../support/route-manifest";
import { loginCookie, startServer, type TestServer } from "../support/server";
import { cooperationIdOf, currentMunicipalityId } from "../support/queries";

/*
 * The reporter's municipality comes from the session: through every route that writes uptake,
 * Giske's reporter cannot report for Sula, nor for a measure Giske does not take part in, nor in
 * another cooperation — whatever the form says. Complements the isolation matrix, which aims
 * every route at foreign cooperations with generic form fields.
 */

const SLUG = "ekommune-sunnmore";

describe("uptake isolation over HTTP", () => {
  let server: TestServer;
  let giskeCookie: string;
  let ids: {
    giske: string;
    sula: string;
    measure8: string;
    measure1: string;
    otherMeasure: string;
    openRound: string;
    otherRound?: string;
  };

  const post = (path: string, cookie: string, body: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
    });
  const get = (path: string, cookie: string) =>
    fetch(`${server.url}${path}`, { redirect: "manual", headers: { Cookie: cookie } });
  const reportsFor = async (municipalityId: string) =>
    Number(
      (
        await server.db
          .selectFrom("uptake_report")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("municipality_id", "=", municipalityId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startServer();
    giskeCookie = await loginCookie(server, "ikt@giske.example");
    const db = server.db;
    const municipality = (number: string) => currentMunicipalityId(db, number);
    const ekommune = await cooperationIdOf(db, SLUG);
    const knutepunkt = await cooperationIdOf(db, "knutepunkt-sorlandet");
    const measure = async (cooperationId: string, number: number) =>
      (
        await db
          .selectFrom("measure")
          .select("id")
          .where("cooperation_id", "=", cooperationId)
          .where("number", "=", number)
          .executeTakeFirstOrThrow()
      ).id;
    ids = {
      giske: await municipality("1532"),
      sula: await municipality("1531"),
      measure8: await measure(ekommune, 8),
      measure1: await measure(ekommune, 1),
      otherMeasure: await measure(knutepunkt, 1),
      openRound: (
        await db
          .selectFrom("reporting_round")
          .select("id")
          .where("cooperation_id", "=", ekommune)
          .where("closed_at", "is", null)
          .executeTakeFirstOrThrow()
      ).id,
    };
    // measure 8 is for chosen members: take Giske out of it for this test
    await db
      .deleteFrom("measure_participant")
      .where("measure_id", "=", ids.measure8)
      .where("municipality_id", "=", ids.giske)
      .execute();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("a form that names Sula still reports for Giske", async () => {
    const [giskeBefore, sulaBefore] = [await reportsFor(ids.giske), await reportsFor(ids.sula)];
    const reply = await post(`/c/${SLUG}/uptake`, giskeCookie, {
      intent: "save",
      effectiveDate: osloToday(),
      municipalityId: ids.sula,
      municipality: "1531",
      "rows[0].measureId": ids.measure1,
      "rows[0].status": "in_use",
      "rows[0].comment": "Stadfesta",
      "rows[0].municipalityId": ids.sula,
    });
    expect(reply.status).toBe(302);
    expect(await reportsFor(ids.sula)).toBe(sulaBefore);
    expect(await reportsFor(ids.giske)).toBe(giskeBefore + 1);
  });

  it("a measure Giske does not take part in cannot be reported, in the table or on its own page", async () => {
    const before = await reportsFor(ids.giske);
    const bulk = await post(`/c/${SLUG}/uptake`, giskeCookie, {
      intent: "save",
      effectiveDate: osloToday(),
      "rows[0].measureId": ids.measure1,
      "rows[0].status": "in_use",
      "rows[0].comment": "Gyldig rad",
      "rows[1].measureId": ids.measure8,
      "rows[1].status": "planned",
      "rows[1].comment": "Ikkje vår",
    });
    expect(bulk.status).toBe(404);
    expect((await get(`/c/${SLUG}/uptake/8`, giskeCookie)).status).toBe(404);
    const single = await post(`/c/${SLUG}/uptake/8`, giskeCookie, {
      status: "planned",
      effectiveDate: osloToday(),
      comment: "x",
    });
    expect(single.status).toBe(404);
    // the page lists only Giske's measures
    const page = await (await get(`/c/${SLUG}/uptake`, giskeCookie)).text();
    expect(page).not.toContain(`value="${ids.measure8}"`);
    expect(await reportsFor(ids.giske)).toBe(before);
  });

  it("another cooperation's measure or round cannot be reached through this cooperation", async () => {
    const before = await reportsFor(ids.giske);
    const bulk = await post(`/c/${SLUG}/uptake`, giskeCookie, {
      intent: "save",
      effectiveDate: osloToday(),
      "rows[0].measureId": ids.otherMeasure,
      "rows[0].status": "planned",
      "rows[0].comment": "x",
    });
    expect(bulk.status).toBe(404);
    const submissions = () =>
      server.db.selectFrom("round_submission").selectAll().where("municipality_id", "=", ids.giske).orderBy("id").execute();
    const submittedBefore = await submissions();
    const other = await server.db.selectFrom("reporting_round").select("id").where("id", "!=", ids.openRound).execute();
    expect(other.length).toBeGreaterThan(0);
    for (const r of [...other, { id: "00000000-0000-4000-8000-000000000000" }]) {
      const submit = await post(`/c/${SLUG}/uptake`, giskeCookie, { intent: "submit", roundId: r.id });
      // a closed round of the same cooperation is refused with a message; anything else is not found
      expect([302, 404]).toContain(submit.status);
    }
    expect(await submissions()).toEqual(submittedBefore);
    expect(await reportsFor(ids.giske)).toBe(before);
  });

  it("only reporters report, and only the secretariat manages rounds", async () => {
    const board = await loginCookie(server, "styre@ekommune-sunnmore.example");
    const secretariat = await loginCookie(server, "sekretariat@ekommune-sunnmore.example");
    const form = {
      intent: "save",
      effectiveDate: osloToday(),
      "rows[0].measureId": ids.measure1,
      "rows[0].status": "in_use",
      "rows[0].comment": "x",
    };
    const before = await server.db
      .selectFrom("uptake_report")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    for (const cookie of [board, secretariat]) {
      expect((await post(`/c/${SLUG}/uptake`, cookie, form)).status).toBe(403);
      expect((await post(`/c/${SLUG}/uptake/1`, cookie, { status: "in_use", effectiveDate: osloToday() })).status).toBe(403);
    }
    const after = await server.db
      .selectFrom("uptake_report")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const bodies: Record<string, string>[] = [
      { intent: "remind" },
      { intent: "remind", municipalityId: ids.sula },
      { intent: "close" },
    ];
    for (const body of bodies) {
      expect((await post(`/c/${SLUG}/rounds/${ids.openRound}`, giskeCookie, body)).status).toBe(403);
    }
    const round = await server.db
      .selectFrom("reporting_round")
      .select("closed_at")
      .where("id", "=", ids.openRound)
      .executeTakeFirstOrThrow();
    expect(round.closed_at).toBeNull();
  });
});

describe("uptake isolation through every route", () => {
  it("no route, whatever the form says, lets Giske's reporter report for Sula or for a measure Giske is not in", async () => {
    const server = await startServer();
    try {
      const db = server.db;
      const cookie = await loginCookie(server, "ikt@giske.example");
      const cooperation = await db
        .selectFrom("cooperation")
        .select(["id", "slug", "name"])
        .where("slug", "=", SLUG)
        .executeTakeFirstOrThrow();
      const municipality = (number: string) => currentMunicipalityId(db, number);
      const [giske, sula] = [await municipality("1532"), await municipality("1531")];
      const measure8 = (
        await db
          .selectFrom("measure")
          .select("id")
          .where("cooperation_id", "=", cooperation.id)
          .where("number", "=", 8)
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .deleteFrom("measure_participant")
        .where("measure_id", "=", measure8)
        .where("municipality_id", "=", giske)
        .execute();
      const round = (await db.selectFrom("reporting_round").select("id").where("closed_at", "is", null).executeTakeFirstOrThrow())
        .id;
      const forbidden = async () => ({
        sula: await db.selectFrom("uptake_report").select("id").where("municipality_id", "=", sula).execute(),
        notTakingPart: await db
          .selectFrom("uptake_report")
          .select("id")
          .where("municipality_id", "=", giske)
          .where("measure_id", "=", measure8)
          .execute(),
        sulaSubmission: await db.selectFrom("round_submission").select("id").where("municipality_id", "=", sula).execute(),
      });
      const before = await forbidden();
      const hostile: Record<string, string> = {
        intent: "save",
        municipality: "1531",
        municipalityId: sula,
        measureId: measure8,
        roundId: round,
        status: "in_use",
        comment: "Kapra",
        effectiveDate: osloToday(),
        "rows[0].measureId": measure8,
        "rows[0].status": "in_use",
        "rows[0].comment": "Kapra",
        "rows[0].municipalityId": sula,
      };
      const routes = (await loadRouteManifest()).filter((r) => r.kind === "tenant" && r.hasAction);
      expect(routes.map((r) => r.id)).toEqual(
        expect.arrayContaining(["routes/c.$slug.uptake._index", "routes/c.$slug.uptake.$number"]),
      );
      for (const route of routes) {
        const { path } = await resolveRouteUrl(db, route, { cooperation });
        // the measure pages are aimed at the measure Giske is not in
        const url = path.replace(/\/(uptake|measures)\/\d+/, "/$1/8");
        for (const intent of ["save", "submit", "remind", "return"]) {
          const reply = await fetch(`${server.url}${url}${route.index ? "?index" : ""}`, {
            method: "POST",
            redirect: "manual",
            headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ ...hostile, intent }),
          });
          expect(reply.status, `${route.id} ${intent}`).toBeLessThan(500);
        }
      }
      expect(await forbidden()).toEqual(before);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
