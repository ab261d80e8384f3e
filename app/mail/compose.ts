import type { Language, MailKind, WrittenStandard } from "../../db/schema";
import { LANGUAGE_OF_STANDARD } from "../i18n/config";
import { i18nFor } from "../i18n/i18n.server";
import { formatDate } from "../i18n/format";

/*
 * E-mails are written once, when they are queued, in the recipient's language: what a reporter
 * receives (or what the outbox shows) never changes if texts or settings change later.
 */

/**
 * The same rule as the pages (app/cooperation/language.server.ts): the user's own choice, then
 * (Språklova) the written standard of the municipality they report for, then the cooperation's
 * default language.
 */
export function recipientLanguage({
  userLanguage,
  writtenStandard,
  cooperationLanguage,
}: {
  userLanguage: Language | null;
  writtenStandard: WrittenStandard | null;
  cooperationLanguage: Language;
}): Language {
  return userLanguage ?? (writtenStandard && LANGUAGE_OF_STANDARD[writtenStandard]) ?? cooperationLanguage;
}

const TEMPLATE = {
  round_opened: "mail:roundOpened",
  round_reminder: "mail:roundReminder",
  plan_input: "mail:planInput",
  reporter_moved: "mail:reporterMoved",
} as const satisfies Record<MailKind, string>;

function render(kind: MailKind, language: Language, values: Record<string, string | number>) {
  const { t } = i18nFor(language);
  return {
    // a header line: a name with a line break in it must not start a new header
    subject: t(`${TEMPLATE[kind]}.subject`, values).replace(/\s+/g, " ").trim(),
    bodyText: t(`${TEMPLATE[kind]}.body`, values),
  };
}

export interface RoundMailContent {
  kind: MailKind;
  language: Language;
  recipientName: string;
  cooperationName: string;
  roundName: string;
  municipalityName: string;
  /** ISO date, yyyy-mm-dd */
  deadline: string;
  /** absolute URL */
  link: string;
}

export function composeRoundMail(content: RoundMailContent): { subject: string; bodyText: string } {
  return render(content.kind, content.language, {
    name: content.recipientName,
    cooperation: content.cooperationName,
    round: content.roundName,
    municipality: content.municipalityName,
    deadline: formatDate(content.language, content.deadline),
    link: content.link,
  });
}

export interface PlanInputMailContent {
  language: Language;
  recipientName: string;
  cooperationName: string;
  municipalityName: string;
  year: number;
  versionNo: number;
  /** ISO date, yyyy-mm-dd: the last day comments are taken */
  deadline: string;
  /** absolute URL of the plan page */
  link: string;
}

/** "The plan for {year}, version {n}, is out for input until {deadline}": to a municipality's reporter. */
export function composePlanInputMail(content: PlanInputMailContent): { subject: string; bodyText: string } {
  return render("plan_input", content.language, {
    name: content.recipientName,
    cooperation: content.cooperationName,
    municipality: content.municipalityName,
    year: content.year,
    version: content.versionNo,
    deadline: formatDate(content.language, content.deadline),
    link: content.link,
  });
}

export interface ReporterMovedMailContent {
  language: Language;
  recipientName: string;
  cooperationName: string;
  /** ISO date of the change of the map */
  date: string;
  /** the municipalities, as "name (number)" */
  from: string;
  to: string;
  /** absolute URL of the reporting page */
  link: string;
}

/** "Your reporter role moved from {from} to {to} with the change of the map on {date}": to the reporter. */
export function composeReporterMovedMail(content: ReporterMovedMailContent): { subject: string; bodyText: string } {
  return render("reporter_moved", content.language, {
    name: content.recipientName,
    cooperation: content.cooperationName,
    date: formatDate(content.language, content.date),
    from: content.from,
    to: content.to,
    link: content.link,
  });
}
