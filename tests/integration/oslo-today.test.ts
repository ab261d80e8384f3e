import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DB } from "../../db/connect";
import { addMembers, createCooperation } from "../../app/cooperation/admin.server";
import { listMembers } from "../../app/cooperation/members.server";
import { storedCooperationId, type CooperationId } from "../../app/cooperation/scope.server";
import { listMemberOptions } from "../../app/measure/catalogue.server";
import { seedDemo } from "../../seeds/demo";
import { testDatabases } from "../support/databases";
import { currentMunicipalityId } from "../support/queries";

// 00:30 on 11 March 2026 in Norway; UTC's date is still the 10th.
const HALF_PAST_MIDNIGHT = new Date("2026-03-10T23:30:00Z");
const NORWAYS_DATE = "2026-03-11";

describe.each(testDatabases())("membership on Norway's date, on $name", (database) => {
  let db: DB;
  let close: () => Promise<void>;
  let cooperationId: CooperationId;
  let joining: string;
  let leaving: string;

  beforeAll(async () => {
    ({ db, close } = await database.open());
    await seedDemo(db);
    cooperationId = storedCooperationId(
      await createCooperation(db, { slug: "midnatt", name: "Midnattsamarbeidet", onDate: "2026-01-01" }),
    );
    await addMembers(db, { slug: "midnatt", municipalities: ["1505"], joinedOn: "2026-01-01" });
    await addMembers(db, { slug: "midnatt", municipalities: ["1506"], joinedOn: NORWAYS_DATE });
    joining = await currentMunicipalityId(db, "1506");
    leaving = await currentMunicipalityId(db, "1505");
    await db
      .updateTable("membership")
      .set({ left_on: NORWAYS_DATE })
      .where("municipality_id", "=", leaving)
      .where("cooperation_id", "=", cooperationId)
      .execute();
  });
  afterAll(async () => close());
  afterEach(() => vi.useRealTimers());

  it("at 00:30 a municipality joining today is a member and one leaving today is not", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(HALF_PAST_MIDNIGHT);
    const members = (await listMembers(db, { cooperationId })).map((m) => m.municipalityId);
    expect(members).toEqual([joining]);
    const options = await listMemberOptions(db, { cooperationId });
    expect(options.find((o) => o.municipalityId === leaving)?.leftOn).toBe(NORWAYS_DATE);
    expect(options.find((o) => o.municipalityId === joining)?.leftOn).toBeNull();
  });
});
