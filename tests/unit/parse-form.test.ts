import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cleanString, cleanText } from "@shared-schema/common";
import { LoginSchema } from "@shared-schema/auth";
import { MeasureFormSchema, parseMeasureFilters } from "@shared-schema/measure";
import { en, nb, nn } from "../support/texts";
import { yearParam } from "../../app/overview/years.server";
import { parseForm } from "../../app/utils/parse-form";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe("parseForm: every form parsed alike", () => {
  const Numbers = z.object({ n: z.number({ error: "validation.number" }).int() });

  it("takes decimal digits only for numbers", () => {
    expect(parseForm(form([["n", "31"]]), { schema: Numbers }).status).toBe("success");
    expect(parseForm(form([["n", " 31 "]]), { schema: Numbers }).status).toBe("success");
    for (const text of ["0x1F", "1e3", "0b11", "31.0", "Infinity", "-0x1"]) {
      const submission = parseForm(form([["n", text]]), { schema: Numbers });
      expect(submission.status, text).toBe("error");
      expect(submission.status === "error" && submission.error?.n).toEqual(["validation.number"]);
    }
  });

  it("a field sent twice gets a translated message, not zod's English", () => {
    const submission = parseForm(
      form([
        ["email", "a@b.no"],
        ["email", "c@d.no"],
        ["password", "x"],
      ]),
      { schema: LoginSchema },
    );
    expect(submission.status).toBe("error");
    const messages = submission.status === "error" ? Object.values(submission.error ?? {}).flat() : [];
    expect(messages.length).toBeGreaterThan(0);
    for (const key of messages) expect(key).toMatch(/^common:validation\./);
    expect(nb.validation.invalid).toBeTruthy();
    expect(nn.validation.invalid).not.toBe(nb.validation.invalid);
    expect(en.validation.invalid).toBeTruthy();
  });

  it("echoes no field further than one character past its maximum", () => {
    const submission = parseForm(
      form([
        ["email", `${"a".repeat(100_000)}@kommune.no`],
        ["password", "x".repeat(100_000)],
        ["unknown", "y".repeat(100_000)],
      ]),
      { schema: LoginSchema },
    );
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && submission.error?.email).toEqual(["common:validation.tooLong"]);
    const reply = JSON.stringify(submission.reply());
    expect(reply.length).toBeLessThan(255 + 1025 + 20_001 + 2_000);
  });

  it("caps list rows by their own field's maximum", () => {
    const submission = parseForm(
      form([
        ["benefits[0].owner", "z".repeat(50_000)],
        ["name", "n".repeat(50_000)],
      ]),
      {
        schema: MeasureFormSchema,
      },
    );
    const reply = submission.reply() as { initialValue?: { name?: string; benefits?: { owner?: string }[] } };
    expect(reply.initialValue?.name?.length).toBe(301);
    expect(reply.initialValue?.benefits?.[0]?.owner?.length).toBe(201);
  });

  it("caps a list of plain values, numbers and choices too", () => {
    const submission = parseForm(
      form([
        ["focusAreas", "f".repeat(50_000)],
        ["links[0].url", `https://${"u".repeat(50_000)}`],
        ["number", "9".repeat(50_000)],
        ["status", "s".repeat(50_000)],
      ]),
      { schema: MeasureFormSchema },
    );
    const reply = submission.reply() as {
      initialValue?: { focusAreas?: string | string[]; links?: { url?: string }[]; number?: string; status?: string };
    };
    expect(String(reply.initialValue?.focusAreas).length).toBe(101);
    expect(reply.initialValue?.links?.[0]?.url?.length).toBe(2001);
    expect(reply.initialValue?.number?.length).toBe(101);
    expect(reply.initialValue?.status?.length).toBe(101);
  });
});

describe("schema strings", () => {
  it("drop control characters and keep line breaks as \\n", () => {
    expect(cleanText("a\u0000b\u001b[31mc\u0007\r\nd\re\tf\u009b")).toBe("ab[31mc\nd\ne\tf");
    expect(cleanString().trim().max(5).parse(" \u0000abc\u0000 ")).toBe("abc");
    expect(cleanText("& \" ' < > æøå ÆØÅ 😀\n")).toBe("& \" ' < > æøå ÆØÅ 😀\n");
  });
});

describe("years in a query string", () => {
  it("take four decimal digits: 0x7DD and 2.013e3 are not 2013", () => {
    const years = { all: [2013, 2014], default: 2014 };
    expect(yearParam("2013", years)).toBe(2013);
    for (const text of ["0x7DD", "2.013e3", " 2013", "2013.0", ""]) expect(yearParam(text, years), text).toBe(2014);
    expect(parseMeasureFilters(new URLSearchParams("year=0x7DD")).year).toBeUndefined();
    expect(parseMeasureFilters(new URLSearchParams("year=2014")).year).toBe(2014);
  });
});
