import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MeasureInputError } from "../../app/measure/edit.server";
import { PlanForbiddenError, PlanNotFoundError, PlanRuleError, PlanTransitionError } from "../../app/plan/errors.server";
import { RoundClosedError } from "../../app/round/round.server";
import { UptakeRowErrors } from "../../app/uptake/report.server";
import {
  ForbiddenError,
  NotFoundError,
  refusalOf,
  rethrowRefusal,
  RuleBrokenError,
  StaleVersionError,
} from "../../app/utils/errors.server";
import { parseForm } from "../../app/utils/parse-form";
import { refusalReply, refusalToast } from "../../app/utils/refusal-answers.server";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

const submission = () => {
  const form = new FormData();
  form.set("name", "Skriven tekst");
  return parseForm(form, { schema: z.object({ name: z.string() }) });
};

describe("the refusals of the data layer", () => {
  it("answer not found and forbidden as 404 and 403, for domain errors as for the base kinds", () => {
    for (const error of [new NotFoundError(), new PlanNotFoundError("plan", "x")]) {
      expect((thrown(() => refusalOf(error)) as Response).status).toBe(404);
      expect((thrown(() => rethrowRefusal(error)) as Response).status).toBe(404);
    }
    for (const error of [new ForbiddenError(), new PlanForbiddenError("plan:approve")]) {
      expect((thrown(() => refusalOf(error)) as Response).status).toBe(403);
    }
  });

  it("rethrow anything that is not a refusal as it is", () => {
    const bug = new TypeError("a bug");
    expect(thrown(() => refusalOf(bug))).toBe(bug);
    expect(thrown(() => rethrowRefusal(bug))).toBe(bug);
    const rule = new RuleBrokenError("plan:errors.exists");
    expect(thrown(() => rethrowRefusal(rule))).toBe(rule);
  });

  it("say a stale save is stale (409) and a broken rule why, above the form (409) or beside its fields (400)", () => {
    expect(refusalOf(new StaleVersionError("plan"))).toMatchObject({
      status: 409,
      stale: true,
      formErrors: ["common:form.staleVersion"],
    });
    expect(refusalOf(new PlanRuleError("notEditable"))).toMatchObject({
      status: 409,
      stale: false,
      formErrors: ["plan:errors.notEditable"],
    });
    expect(refusalOf(new PlanTransitionError("approve", "draft", "wrongState"))).toMatchObject({
      formErrors: ["plan:refused.approve"],
    });
    expect(refusalOf(new PlanTransitionError("submit", "input", "inputOpen"))).toMatchObject({
      formErrors: ["plan:refused.inputOpen"],
    });
    expect(refusalOf(new RoundClosedError())).toMatchObject({ message: "uptake:round.closed" });
    expect(refusalOf(new MeasureInputError("number", "measure:validation.numberTaken"))).toEqual({
      status: 400,
      stale: false,
      message: "measure:validation.numberTaken",
      formErrors: [],
      fieldErrors: { number: ["measure:validation.numberTaken"] },
    });
    const rows = new UptakeRowErrors(
      [{ index: 3, field: "comment", messageKey: "uptake:validation.backwardsNeedsComment" }],
      (e) => `rows[${e.index}].${e.field}`,
    );
    expect(refusalOf(rows).fieldErrors).toEqual({ "rows[3].comment": ["uptake:validation.backwardsNeedsComment"] });
  });

  it("go back to a form with what was typed, and to a button's page as an error toast", async () => {
    const reply = refusalReply(submission(), new StaleVersionError("report"), { form: "save" });
    expect(reply.status).toBe(409);
    const body = await reply.json();
    expect(body).toMatchObject({ stale: true, form: "save", result: { initialValue: { name: "Skriven tekst" } } });
    expect(body.result.error?.[""]).toEqual(["common:form.staleVersion"]);

    const toast = await refusalToast("/c/x/plans/2026", new PlanRuleError("openVersionExists"));
    expect(toast.status).toBe(302);
    expect(toast.headers.get("Location")).toBe("/c/x/plans/2026");
    expect(toast.headers.get("Set-Cookie")).toMatch(/^fl_toast=/);
  });
});

const APP = resolve(__dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The refusal classes, read from the source: the four kinds and every class that extends one. */
function refusalClasses(files: string[]): Set<string> {
  const extending = files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/class (\w+) extends (\w+)/g)].map(([, name, base]) => ({ name, base })),
  );
  const classes = new Set(["Refusal"]);
  for (let grew = true; grew;) {
    grew = false;
    for (const { name, base } of extending) {
      if (classes.has(base) && !classes.has(name)) grew = classes.add(name).size > 0;
    }
  }
  return classes;
}

describe("the one mapping of refusals to answers", () => {
  it("is the only code that tells refusals apart: nothing else tests a refusal's class", () => {
    const files = sourceFiles(APP);
    const classes = refusalClasses(files);
    expect([...classes]).toEqual(
      expect.arrayContaining(["NotFoundError", "PlanRuleError", "UptakeRowErrors", "RoundClosedError"]),
    );
    const tests = files
      .filter((file) => !file.endsWith("utils/errors.server.ts"))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/instanceof (\w+)/g)]
          .filter(([, name]) => classes.has(name))
          .map(([match]) => `${relative(APP, file)}: ${match}`),
      );
    expect(tests).toEqual([]);
  });
});
