import { describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { listMembers } from "../../app/cooperation/members.server";
import { storedCooperationId } from "../../app/cooperation/scope.server";
import { listMemberOptions } from "../../app/measure/catalogue.server";

/*
 * Checked by the type check (`npm test` runs tsc first): each `@ts-expect-error` line must fail to
 * compile, or tsc reports the directive as unused.
 */
function callsWith(db: DB, fromTheUrl: string) {
  // @ts-expect-error an id read from a URL or a form is not a checked CooperationId
  void listMembers(db, { cooperationId: fromTheUrl });
  // @ts-expect-error the same for every data function of a cooperation
  void listMemberOptions(db, { cooperationId: fromTheUrl });
  void listMembers(db, { cooperationId: storedCooperationId(fromTheUrl) });
}

describe("a cooperation's id", () => {
  it("reaches a data function only from the guards' scope or a read of the database", () => {
    expect(storedCooperationId("c-1")).toBe("c-1");
    expect(callsWith).toBeTypeOf("function");
  });
});
