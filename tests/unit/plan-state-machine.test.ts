import { describe, expect, it } from "vitest";
import type { CooperationRole, PlanVersionStatus } from "../../db/schema";
import { COOPERATION_ROLES } from "../../app/cooperation/permissions";
import {
  availableActions,
  checkTransition,
  isEditable,
  isFrozen,
  PLAN_ACTIONS,
  PLAN_VERSION_STATUSES,
  type PlanAction,
} from "../../app/plan/state-machine";

// Written out by hand from the approval rules, independently of PLAN_TRANSITIONS: [from, action, to, role].
const ALLOWED: [PlanVersionStatus, PlanAction, PlanVersionStatus, CooperationRole][] = [
  ["draft", "sendForInput", "input", "secretariat"],
  ["input", "submit", "submitted", "secretariat"],
  ["returned", "submit", "submitted", "secretariat"],
  ["returned", "reopen", "draft", "secretariat"],
  ["submitted", "approve", "approved", "board"],
  ["submitted", "return", "returned", "board"],
  ["approved", "amend", "approved", "secretariat"],
];
const ACTOR: Record<PlanAction, CooperationRole> = {
  sendForInput: "secretariat",
  submit: "secretariat",
  reopen: "secretariat",
  amend: "secretariat",
  approve: "board",
  return: "board",
};

const cases = PLAN_VERSION_STATUSES.flatMap((from) =>
  PLAN_ACTIONS.flatMap((action) => COOPERATION_ROLES.map((role) => ({ from, action, role })))
);

describe("plan version state machine", () => {
  it.each(cases)("$role: $action from $from", ({ from, action, role }) => {
    const allowed = ALLOWED.find(([f, a, , r]) => f === from && a === action && r === role);
    const result = checkTransition(from, action, [role]);
    if (allowed) {
      expect(result).toEqual({ ok: true, to: allowed[2], creates: action === "amend" ? "draft" : null });
    } else if (role !== ACTOR[action]) {
      expect(result).toMatchObject({ ok: false, reason: "notAllowed" });
    } else {
      expect(result).toMatchObject({ ok: false, reason: "wrongState" });
    }
  });

  it("covers every state × action × role", () => {
    expect(cases).toHaveLength(6 * 6 * 4);
  });

  it("grants a transition when any of several roles may do it", () => {
    expect(checkTransition("submitted", "approve", ["viewer", "board"]).ok).toBe(true);
    expect(checkTransition("submitted", "approve", [])).toMatchObject({ ok: false, reason: "notAllowed" });
  });

  it("checks the role before the state, so a refused role learns nothing about the state", () => {
    expect(checkTransition("draft", "approve", ["reporter"])).toMatchObject({ ok: false, reason: "notAllowed" });
    expect(checkTransition("draft", "approve", ["board"])).toMatchObject({
      ok: false,
      reason: "wrongState",
      allowedFrom: ["submitted"],
    });
  });

  it("superseded is final", () => {
    for (const role of COOPERATION_ROLES) expect(availableActions("superseded", [role])).toEqual([]);
  });

  it("offers each role its actions", () => {
    expect(availableActions("returned", ["secretariat"])).toEqual(["submit", "reopen"]);
    expect(availableActions("submitted", ["board"])).toEqual(["approve", "return"]);
    expect(availableActions("submitted", ["secretariat", "reporter", "viewer"])).toEqual([]);
  });

  it("lets items change only in draft and returned; approved and superseded are frozen", () => {
    expect(PLAN_VERSION_STATUSES.filter(isEditable)).toEqual(["draft", "returned"]);
    expect(PLAN_VERSION_STATUSES.filter(isFrozen)).toEqual(["approved", "superseded"]);
  });
});
