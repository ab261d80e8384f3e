import { domainMessages } from "../i18n/domain-messages";

export const decisionMessages = domainMessages(
  {
    body: "Vedtaksorgan",
    decidedOn: "Vedtaksdato",
    caseNumber: "Saksnummer (for eksempel 21/13)",
    text: "Vedtakstekst",
    bodies: { board: "Styret", chief_executives: "Rådmannsutvalget", municipal_council: "Kommunestyret" },
    validation: {
      body: "Velg hvem som fattet vedtaket.",
      caseNumber: "Skriv saksnummeret slik det står i saken, for eksempel 21/13.",
    },
  },
  {
    nn: {
      body: "Vedtaksorgan",
      decidedOn: "Vedtaksdato",
      caseNumber: "Saksnummer (til dømes 21/13)",
      text: "Vedtakstekst",
      bodies: { board: "Styret", chief_executives: "Rådmannsutvalet", municipal_council: "Kommunestyret" },
      validation: {
        body: "Vel kven som gjorde vedtaket.",
        caseNumber: "Skriv saksnummeret slik det står i saka, til dømes 21/13.",
      },
    },
    en: {
      body: "Decision body",
      decidedOn: "Date of decision",
      caseNumber: "Case number (e.g. 21/13)",
      text: "Text of the decision",
      bodies: {
        board: "The board",
        chief_executives: "The chief executives' committee",
        municipal_council: "The municipal council",
      },
      validation: {
        body: "Choose who made the decision.",
        caseNumber: "Enter the case number as written in the case, e.g. 21/13.",
      },
    },
  }
);
