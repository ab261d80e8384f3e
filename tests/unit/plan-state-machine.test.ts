import { describe, expect, it } from "vitest";
import type { CooperationRole, PlanVersionStatus } from "../../db/schema";
import { COOPERATION_ROLES } from "../../app/cooperation/permissions";
import {
  availableActions,
  checkTransition,
  isEditable,
  isFrozen,
  isInputOpen,
  PLAN_ACTIONS,
  PLAN_VERSION_STATUSES,
  type PlanAction,
  type VersionState,
} from "../../app/plan/state-machine";

const at = (status: PlanVersionStatus, inputOpen = false): VersionState => ({ status, inputOpen });

/** `input (open)` or `input (over)`: a version out for input whose round is still open, or over. */
type From = PlanVersionStatus | "input (open)" | "input (over)";
const stateOf = (from: From): VersionState =>
  from === "input (open)" ? at("input", true) : from === "input (over)" ? at("input", false) : at(from);

// Written out by hand from the approval rules, independently of PLAN_TRANSITIONS: [from, action, to, role].
const ALLOWED: [From, PlanAction, PlanVersionStatus, CooperationRole][] = [
  ["draft", "sendForInput", "input", "secretariat"],
  ["input (open)", "closeInput", "input", "secretariat"],
  ["input (over)", "submit", "submitted", "secretariat"],
  ["returned", "submit", "submitted", "secretariat"],
  ["returned", "reopen", "draft", "secretariat"],
  ["submitted", "approve", "approved", "board"],
  ["submitted", "return", "returned", "board"],
  ["approved", "amend", "approved", "secretariat"],
];
const ACTOR: Record<PlanAction, CooperationRole> = {
  sendForInput: "secretariat",
  closeInput: "secretariat",
  submit: "secretariat",
  reopen: "secretariat",
  amend: "secretariat",
  approve: "board",
  return: "board",
};

const FROMS: From[] = [...PLAN_VERSION_STATUSES.filter((s) => s !== "input"), "input (open)", "input (over)"];
const cases = FROMS.flatMap((from) =>
  PLAN_ACTIONS.flatMap((action) => COOPERATION_ROLES.map((role) => ({ from, action, role }))),
);

/** The refusal of the actor's own action: the round's state where the action is from input, else the status. */
function refusalFor(from: From, action: PlanAction) {
  if (from === "input (open)" && action === "submit") return "inputOpen";
  if (from === "input (over)" && action === "closeInput") return "inputOver";
  return "wrongState";
}

describe("plan version state machine", () => {
  it.each(cases)("$role: $action from $from", ({ from, action, role }) => {
    const allowed = ALLOWED.find(([f, a, , r]) => f === from && a === action && r === role);
    const result = checkTransition(stateOf(from), action, [role]);
    if (allowed) {
      expect(result).toEqual({ ok: true, to: allowed[2], creates: action === "amend" ? "draft" : null });
    } else if (role !== ACTOR[action]) {
      expect(result).toMatchObject({ ok: false, reason: "notAllowed" });
    } else {
      expect(result).toMatchObject({ ok: false, reason: refusalFor(from, action) });
    }
  });

  it("covers every state × action × role", () => {
    expect(cases).toHaveLength(7 * 7 * 4);
  });

  it("grants a transition when any of several roles may do it", () => {
    expect(checkTransition(at("submitted"), "approve", ["viewer", "board"]).ok).toBe(true);
    expect(checkTransition(at("submitted"), "approve", [])).toMatchObject({ ok: false, reason: "notAllowed" });
  });

  it("checks the role before the state, so a refused role learns nothing about the state", () => {
    expect(checkTransition(at("draft"), "approve", ["reporter"])).toMatchObject({ ok: false, reason: "notAllowed" });
    expect(checkTransition(at("input", true), "submit", ["board"])).toMatchObject({ ok: false, reason: "notAllowed" });
    expect(checkTransition(at("draft"), "approve", ["board"])).toMatchObject({
      ok: false,
      reason: "wrongState",
      allowedFrom: ["submitted"],
    });
  });

  it("superseded is final", () => {
    for (const role of COOPERATION_ROLES) expect(availableActions(at("superseded"), [role])).toEqual([]);
  });

  it("offers each role its actions", () => {
    expect(availableActions(at("returned"), ["secretariat"])).toEqual(["submit", "reopen"]);
    expect(availableActions(at("submitted"), ["board"])).toEqual(["approve", "return"]);
    expect(availableActions(at("submitted"), ["secretariat", "reporter", "viewer"])).toEqual([]);
  });

  it("offers the secretariat to close an open input round, and to send the plan to the board once it is over", () => {
    expect(availableActions(at("input", true), ["secretariat"])).toEqual(["closeInput"]);
    expect(availableActions(at("input", false), ["secretariat"])).toEqual(["submit"]);
  });

  it("keeps an input round open through its deadline day, until closed early", () => {
    const round = { status: "input" as const, inputDeadline: "2015-01-15", inputClosedAt: null };
    expect(isInputOpen(round, "2015-01-01")).toBe(true);
    expect(isInputOpen(round, "2015-01-15")).toBe(true);
    expect(isInputOpen(round, "2015-01-16")).toBe(false);
    expect(isInputOpen({ ...round, inputClosedAt: "2015-01-10T09:00:00.000Z" }, "2015-01-11")).toBe(false);
    expect(isInputOpen({ ...round, status: "submitted" }, "2015-01-01")).toBe(false);
    expect(isInputOpen({ ...round, inputDeadline: null }, "2015-01-01")).toBe(false);
  });

  it("lets items change only in draft and returned; approved and superseded are frozen", () => {
    expect(PLAN_VERSION_STATUSES.filter(isEditable)).toEqual(["draft", "returned"]);
    expect(PLAN_VERSION_STATUSES.filter(isFrozen)).toEqual(["approved", "superseded"]);
  });
});
