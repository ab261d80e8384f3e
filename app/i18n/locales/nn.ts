import { adminCliMessages } from "../../cooperation/admin-messages";
import { decisionMessages } from "../../decision/messages";
import { mailMessages } from "../../mail/messages";
import { measureMessages } from "../../measure/messages";
import { overviewMessages } from "../../overview/messages";
import { planCommentMessages } from "../../plan/comment-messages";
import { planMessages } from "../../plan/messages";
import { reportExportMessages } from "../../report/export/messages";
import { reportMessages } from "../../report/messages";
import { roundMessages } from "../../round/messages";
import { strategyMessages } from "../../strategy/messages";
import { uptakeMessages } from "../../uptake/messages";
import { chartMessages } from "../../ui/charts/messages";
import type { Messages } from "./nb";

export const nn: Messages = {
  strategy: strategyMessages.nn,
  measure: measureMessages.nn,
  decision: decisionMessages.nn,
  plan: planMessages.nn,
  planComments: planCommentMessages.nn,
  mail: mailMessages.nn,
  uptake: uptakeMessages.nn,
  overview: overviewMessages.nn,
  round: roundMessages.nn,
  chart: chartMessages.nn,
  reportExport: reportExportMessages.nn,
  report: reportMessages.nn,
  adminCli: adminCliMessages.nn,
  shell: {
    skipToContent: "Hopp til hovudinnhaldet",
    signedInAs: "Innlogga som {{name}}",
    logout: "Logg ut",
    login: "Logg inn",
    mainNav: "Samarbeida dine",
    platformAdmin: "Plattformadministrasjon",
    language: "Språk",
    changeLanguage: "Byt språk",
    accessibilityStatement: "Tilgjengeerklæring",
    tagline: "Fellesløft – strategi, handlingsplan og oppfølging for regionale IKT-samarbeid",
  },
  languages: { nb: "Bokmål", nn: "Nynorsk", en: "English" },
  errors: {
    notFound: { title: "Fann ikkje sida", body: "Sida finst ikkje, eller du har ikkje tilgang til henne." },
    forbidden: { title: "Inga tilgang", body: "Rolla di gir ikkje tilgang til denne handlinga." },
    crossOrigin: {
      title: "Skjemaet vart avvist",
      body: "Skjemaet vart sendt frå ei anna nettside enn Fellesløft, så ingenting er lagra. Opne sida i Fellesløft og send skjemaet derifrå.",
    },
    tooMany: { title: "For mange forsøk", body: "Vent litt og prøv igjen." },
    unexpected: { title: "Noko gjekk gale", body: "Det oppstod ein uventa feil. Prøv igjen om litt." },
    badRequest: { title: "Skjemaet kunne ikkje lesast", body: "Det som vart sendt, kunne ikkje lesast som eit skjema. Gå tilbake, last inn sida på nytt og send skjemaet igjen." },
    methodNotAllowed: { title: "Handlinga er ikkje støtta", body: "Denne adressa tek ikkje imot ein slik førespurnad." },
    conflict: { title: "Nokon andre lagra samstundes", body: "Endringa kunne ikkje lagrast fordi andre lagra på same tid. Gå tilbake, last inn sida på nytt og prøv igjen." },
    tooLarge: { title: "For mykje på ein gong", body: "Skjemaet som vart sendt, er større enn portalen tek imot. Kort ned teksten og prøv igjen." },
    unsupportedType: { title: "Ukjent format", body: "Portalen tek berre imot skjema slik nettlesaren sender dei." },
    incident: "Oppgi feilkoden {{id}} dersom du kontaktar brukarstøtte.",
    home: "Gå til framsida",
  },
  form: {
    errorSummary: "Rett opp dette før du går vidare:",
    staleVersion:
      "Nokon andre har lagra endringar i mellomtida. Endringane deira blir viste no, og det du skreiv er teke vare på i skjemaet. Sjå over og lagre på nytt.",
    saved: "Endringane er lagra.",
  },
  validation: {
    required: "Fyll ut feltet.",
    tooLong: "Teksten er for lang.",
    invalid: "Verdien er ikkje gyldig. Last inn skjemaet på nytt og prøv igjen.",
    email: "Skriv ei gyldig e-postadresse, til dømes namn@kommune.no.",
    slug: "Bruk små bokstavar a–z, siffer og bindestrek, til dømes ekommune-sunnmore.",
    municipalityNumber: "Kommunenummeret må ha fire siffer, til dømes 1532.",
    language: "Vel bokmål, nynorsk eller engelsk.",
    role: "Vel ei gyldig rolle.",
    date: "Skriv datoen som ÅÅÅÅ-MM-DD.",
    year: "Skriv eit årstal mellom 2000 og 2100.",
    nok: "Skriv beløpet i kroner, til dømes 1 250 000 eller 1 250 000,50.",
    passwordTooShort: "Passordet må ha minst 12 teikn.",
    reporterNeedsMunicipality: "Ein rapportør må knytast til éin kommune, og berre rapportørar kan knytast til ein kommune.",
  },
  login: {
    title: "Logg inn",
    intro: "Logg inn med e-postadressa og passordet du har fått frå sekretariatet i samarbeidet.",
    email: "E-postadresse",
    password: "Passord",
    submit: "Logg inn",
    invalid: "E-postadressa eller passordet er feil.",
    tooManyAttempts: "For mange innloggingsforsøk. Vent eit kvarter og prøv igjen.",
    loggedOut: "Du er logga ut.",
  },
  home: {
    intro:
      "Fellesløft samlar strategien, den årlege handlingsplanen, vedtaka til styret og innføringsstatusen i kommunane for regionale IKT-samarbeid – på éin stad, i staden for Word, Excel og e-post.",
    yourCooperations: "Samarbeida dine",
    noCooperations: "Du har inga rolle i noko samarbeid enno. Kontakt sekretariatet i samarbeidet ditt.",
  },
  cooperation: {
    nav: "Sider i {{name}}",
    overview: "Oversikt",
    legalForm: "Organisering",
    host: "Vertskommune",
    yourRoles: "Rollene dine",
  },
  strategyStatus: { draft: "Utkast", adopted: "Vedteken", archived: "Arkivert" },
  measureStatus: {
    proposed: "Føreslått",
    planned: "Planlagt",
    in_progress: "Under arbeid",
    available: "Klart til bruk",
    on_hold: "Sett på vent",
    continuous: "Blir vurdert fortløpande",
    completed: "Er på plass",
    discontinued: "Avslutta",
  },
  uptakeStatus: {
    not_relevant: "Ikkje aktuelt",
    not_started: "Ikkje starta",
    planned: "Planlagt",
    in_progress: "Under innføring",
    in_use: "Teke i bruk",
    realised: "Gevinst realisert",
  },
  roles: { secretariat: "Sekretariat", board: "Styre", reporter: "Rapportør", viewer: "Lesar" },
  municipality: {
    number: "Kommunenr.",
    name: "Kommune",
    population: "Folketal",
    populationValue: "{{value}} ({{year}})",
    writtenStandard: "Målform",
    joinedOn: "Med sidan",
  },
  writtenStandard: { bokmaal: "Bokmål", nynorsk: "Nynorsk", neutral: "Nøytral" },
  common: { unknown: "Ukjend" },
  accessibility: {
    title: "Tilgjengeerklæring for Fellesløft",
    intro:
      "Fellesløft skal kunne brukast av alle. Løysinga er laga for å oppfylle krava i forskrift om universell utforming av IKT-løysingar, som viser til WCAG 2.1 nivå A og AA – også for sidene som krev innlogging.",
    howTitle: "Slik arbeider vi med tilgjenge",
    commitments: [
      "Alle sider kan brukast med tastatur, og fokus er alltid synleg.",
      "Alle sider verkar utan JavaScript.",
      "Status blir vist med tekst, ikkje berre med farge.",
      "Sidene kan forstørrast og brukast på skjermar ned til 320 pikslar breie.",
      "Kvar endring av løysinga blir testa automatisk med axe-core mot WCAG 2.1 A og AA, på bokmål og nynorsk.",
    ],
    cooperationsTitle: "Eigne erklæringar frå samarbeida",
    cooperations:
      "Kvart IKT-samarbeid som brukar Fellesløft, er sjølv ansvarleg for tilgjengeerklæringa si på uustatus.no og kan lenkje til henne frå sidene sine.",
    feedbackTitle: "Tilbakemelding",
    feedback:
      "Opplever du hindringar, kontakt sekretariatet i samarbeidet ditt. Du kan også klage til Tilsynet for universell utforming av IKT.",
    authority: "Tilsynet for universell utforming av IKT (uutilsynet.no)",
  },
  admin: {
    title: "Plattformadministrasjon",
    cliHint: "Samarbeid, deltakarkommunar, brukarar og roller blir oppretta med kommandolinjeverktøyet: npm run admin -- help",
    cooperations: "Samarbeid på plattforma",
    name: "Namn",
    slug: "Adresse (slug)",
    members: "Deltakarkommunar",
    users: "Brukarar med roller",
    unknownMunicipality: "Fann ingen kommune med nummer {{number}} som var gyldig {{date}}.",
    unknownCooperation: "Fann ikkje samarbeidet «{{slug}}».",
    unknownUser: "Fann ingen brukar med e-postadressa {{email}}.",
    duplicateSlug: "Adressa «{{slug}}» er alt i bruk av eit anna samarbeid.",
    duplicateUser: "Det finst alt ein brukar med e-postadressa {{email}}.",
    notAMember: "Kommune {{number}} er ikkje deltakar i «{{slug}}».",
    municipalityOnlyForReporters: "Berre rapportørar blir knytte til ein kommune.",
    duplicateRole: "{{email}} har alt rolla {{role}} i «{{slug}}».",
  },
};
