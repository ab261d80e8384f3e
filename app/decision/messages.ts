import { domainMessages } from "../i18n/domain-messages";

export const decisionMessages = domainMessages(
  {
    body: "Vedtaksorgan",
    decidedOn: "Vedtaksdato",
    caseNumber: "Saksnummer",
    caseNumberHint: "Slik arkivet skriver det: 14/15 eller 2015/1234. Kan stå tomt hvis saken ikke har saksnummer.",
    text: "Vedtakstekst",
    textHint: "Vedtaket slik det står i protokollen, minst 10 tegn.",
    bodies: { board: "Styret", chief_executives: "Rådmannsutvalget", municipal_council: "Kommunestyret" },
    validation: {
      body: "Velg hvem som fattet vedtaket.",
      caseNumber: "Skriv saksnummeret slik arkivet skriver det: løpenummer og årstall med to sifre (14/15) eller årstall med fire sifre og løpenummer (2015/1234).",
      futureDate: "Vedtaksdatoen kan ikke være etter i dag. Et vedtak registreres når det er fattet.",
      textTooShort: "Skriv vedtaksteksten slik den står i protokollen (minst 10 tegn).",
    },
  },
  {
    nn: {
      body: "Vedtaksorgan",
      decidedOn: "Vedtaksdato",
      caseNumber: "Saksnummer",
      caseNumberHint: "Slik arkivet skriv det: 14/15 eller 2015/1234. Kan stå tomt dersom saka ikkje har saksnummer.",
      text: "Vedtakstekst",
      textHint: "Vedtaket slik det står i protokollen, minst 10 teikn.",
      bodies: { board: "Styret", chief_executives: "Rådmannsutvalet", municipal_council: "Kommunestyret" },
      validation: {
        body: "Vel kven som gjorde vedtaket.",
        caseNumber: "Skriv saksnummeret slik arkivet skriv det: løpenummer og årstal med to siffer (14/15) eller årstal med fire siffer og løpenummer (2015/1234).",
        futureDate: "Vedtaksdatoen kan ikkje vere etter i dag. Eit vedtak blir registrert når det er gjort.",
        textTooShort: "Skriv vedtaksteksten slik han står i protokollen (minst 10 teikn).",
      },
    },
    en: {
      body: "Decision body",
      decidedOn: "Date of decision",
      caseNumber: "Case number",
      caseNumberHint: "As the archive writes it: 14/15 or 2015/1234. Leave it empty if the case has no number.",
      text: "Text of the decision",
      textHint: "The decision as worded in the minutes, at least 10 characters.",
      bodies: {
        board: "The board",
        chief_executives: "The chief executives' committee",
        municipal_council: "The municipal council",
      },
      validation: {
        body: "Choose who made the decision.",
        caseNumber: "Enter the case number as the archive writes it: number and two-digit year (14/15) or four-digit year and number (2015/1234).",
        futureDate: "The date of the decision cannot be later than today. A decision is recorded once it has been made.",
        textTooShort: "Enter the text of the decision as worded in the minutes (at least 10 characters).",
      },
    },
  }
);
