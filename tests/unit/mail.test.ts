import { describe, expect, it } from "vitest";
import { composePlanInputMail, composeRoundMail, recipientLanguage } from "../../app/mail/compose";
import { afterFailedAttempt, maxAttempts, shortError } from "../../app/mail/retry";

const NOW = new Date("2026-11-22T12:00:00.000Z");

describe("mail retry schedule", () => {
  const retrySeconds = [60, 300, 1800];

  it("waits the n-th delay after the n-th failed attempt", () => {
    expect(afterFailedAttempt(1, retrySeconds, NOW)).toEqual({ status: "pending", nextAttemptAt: "2026-11-22T12:01:00.000Z" });
    expect(afterFailedAttempt(2, retrySeconds, NOW)).toEqual({ status: "pending", nextAttemptAt: "2026-11-22T12:05:00.000Z" });
    expect(afterFailedAttempt(3, retrySeconds, NOW)).toEqual({ status: "pending", nextAttemptAt: "2026-11-22T12:30:00.000Z" });
  });

  it("gives up after the last delay: one attempt more than there are delays", () => {
    expect(maxAttempts(retrySeconds)).toBe(4);
    expect(afterFailedAttempt(4, retrySeconds, NOW)).toEqual({ status: "failed" });
    expect(afterFailedAttempt(1, [], NOW)).toEqual({ status: "failed" });
  });

  it("keeps errors short and on one line", () => {
    expect(shortError("550 5.1.1 <x@y>:\r\n  mailbox unavailable")).toBe("550 5.1.1 <x@y>: mailbox unavailable");
    const long = shortError("x".repeat(1000));
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("mail language and text", () => {
  it("takes the user's choice, then the municipality's written standard, then the cooperation's language", () => {
    expect(recipientLanguage({ userLanguage: "en", writtenStandard: "nynorsk", cooperationLanguage: "nb" })).toBe("en");
    expect(recipientLanguage({ userLanguage: null, writtenStandard: "nynorsk", cooperationLanguage: "nb" })).toBe("nn");
    expect(recipientLanguage({ userLanguage: null, writtenStandard: "bokmaal", cooperationLanguage: "nn" })).toBe("nb");
    expect(recipientLanguage({ userLanguage: null, writtenStandard: "neutral", cooperationLanguage: "nn" })).toBe("nn");
    expect(recipientLanguage({ userLanguage: null, writtenStandard: null, cooperationLanguage: "en" })).toBe("en");
  });

  const content = {
    kind: "round_reminder" as const,
    recipientName: "Gunnar",
    cooperationName: "eKommune Sunnmøre",
    roundName: "Innføring 2026",
    municipalityName: "Giske",
    deadline: "2026-12-15",
    link: "https://fellesloft.example/c/ekommune-sunnmore/rounds/r1",
  };

  it("writes the reminder in each language with the deadline formatted in it", () => {
    const nn = composeRoundMail({ ...content, language: "nn" });
    expect(nn.subject).toBe("Påminning: frist 15. desember 2026 for Innføring 2026 (Giske)");
    expect(nn.bodyText).toContain("Hei Gunnar,");
    expect(nn.bodyText).toContain("Med venleg helsing\neKommune Sunnmøre");
    const nb = composeRoundMail({ ...content, language: "nb" });
    expect(nb.subject).toBe("Påminnelse: frist 15. desember 2026 for Innføring 2026 (Giske)");
    expect(nb.bodyText).toContain("Med vennlig hilsen");
    const en = composeRoundMail({ ...content, language: "en" });
    expect(en.subject).toBe("Reminder: deadline 15 December 2026 for Innføring 2026 (Giske)");
    for (const mail of [nn, nb, en]) expect(mail.bodyText).toContain(`\n${content.link}\n`);
  });

  it("keeps the subject on one line whatever the names hold", () => {
    const mail = composeRoundMail({ ...content, kind: "round_opened", language: "nb", roundName: "Runde\r\nBcc: x@y" });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    const plan = composePlanInputMail({ ...planContent, language: "nb", cooperationName: "eKommune\r\nBcc: x@y" });
    expect(plan.subject).not.toMatch(/[\r\n]/);
  });

  const planContent = {
    recipientName: "Gunnar",
    cooperationName: "eKommune Sunnmøre",
    municipalityName: "Giske",
    year: 2027,
    versionNo: 2,
    deadline: "2026-12-15",
    link: "https://fellesloft.example/c/ekommune-sunnmore/plans/2027",
  };

  it("asks for input on a plan in each language, with year, version, deadline and the plan page", () => {
    const en = composePlanInputMail({ ...planContent, language: "en" });
    expect(en.subject).toBe("Input on the 2027 action plan for Giske – deadline 15 December 2026");
    expect(en.bodyText).toContain("the action plan for 2027 (version 2) out for input");
    expect(en.bodyText).toContain("Giske's input by 15 December 2026");
    const nn = composePlanInputMail({ ...planContent, language: "nn" });
    expect(nn.subject).toBe("Innspel til handlingsplan 2027 for Giske – frist 15. desember 2026");
    const nb = composePlanInputMail({ ...planContent, language: "nb" });
    expect(nb.subject).toBe("Innspill til handlingsplan 2027 for Giske – frist 15. desember 2026");
    for (const mail of [nn, nb, en]) expect(mail.bodyText).toContain(`\n${planContent.link}\n`);
  });
});
