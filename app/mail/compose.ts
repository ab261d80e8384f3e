import type { Language, MailKind, WrittenStandard } from "../../db/schema";
import { LANGUAGE_OF_STANDARD, i18nFor } from "../i18n/config";
import { formatDate } from "../i18n/format";

/*
 * E-mails are written once, when they are queued, in the recipient's language: what a reporter
 * receives (or what the outbox shows) never changes if texts or settings change later.
 */

/**
 * The same rule as the pages (app/i18n/language.server.ts): the user's own choice, then
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

const TEMPLATE: Record<MailKind, string> = { round_opened: "mail.roundOpened", round_reminder: "mail.roundReminder" };


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
  const { t } = i18nFor(content.language);
  const values = {
    name: content.recipientName,
    cooperation: content.cooperationName,
    round: content.roundName,
    municipality: content.municipalityName,
    deadline: formatDate(content.language, content.deadline),
    link: content.link,
  };
  return {
    // a header line: a name with a line break in it must not start a new header
    subject: t(`${TEMPLATE[content.kind]}.subject`, values).replace(/\s+/g, " ").trim(),
    bodyText: t(`${TEMPLATE[content.kind]}.body`, values),
  };
}
