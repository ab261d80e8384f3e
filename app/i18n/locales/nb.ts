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
/** Bokmål: the source language. nn.ts and en.ts must have exactly these keys (typed and tested). */
export const nb = {
  strategy: strategyMessages.nb,
  measure: measureMessages.nb,
  decision: decisionMessages.nb,
  plan: planMessages.nb,
  planComments: planCommentMessages.nb,
  mail: mailMessages.nb,
  uptake: uptakeMessages.nb,
  overview: overviewMessages.nb,
  round: roundMessages.nb,
  chart: chartMessages.nb,
  reportExport: reportExportMessages.nb,
  report: reportMessages.nb,
  adminCli: adminCliMessages.nb,
  shell: {
    skipToContent: "Hopp til hovedinnholdet",
    signedInAs: "Innlogget som {{name}}",
    logout: "Logg ut",
    login: "Logg inn",
    mainNav: "Dine samarbeid",
    platformAdmin: "Plattformadministrasjon",
    language: "Språk",
    changeLanguage: "Bytt språk",
    accessibilityStatement: "Tilgjengelighetserklæring",
    tagline: "Fellesløft – strategi, handlingsplan og oppfølging for regionale IKT-samarbeid",
  },
  languages: { nb: "Bokmål", nn: "Nynorsk", en: "English" },
  errors: {
    notFound: { title: "Fant ikke siden", body: "Siden finnes ikke, eller du har ikke tilgang til den." },
    forbidden: { title: "Ingen tilgang", body: "Rollen din gir ikke tilgang til denne handlingen." },
    crossOrigin: {
      title: "Skjemaet ble avvist",
      body: "Skjemaet ble sendt fra en annen nettside enn Fellesløft, så ingenting er lagret. Åpne siden i Fellesløft og send skjemaet derfra.",
    },
    tooMany: { title: "For mange forsøk", body: "Vent litt og prøv igjen." },
    unexpected: { title: "Noe gikk galt", body: "En uventet feil oppstod. Prøv igjen om litt." },
    badRequest: { title: "Skjemaet kunne ikke leses", body: "Det som ble sendt, kunne ikke leses som et skjema. Gå tilbake, last inn siden på nytt og send skjemaet igjen." },
    methodNotAllowed: { title: "Handlingen støttes ikke", body: "Denne adressen tar ikke imot en slik forespørsel." },
    conflict: { title: "Noen andre lagret samtidig", body: "Endringen kunne ikke lagres fordi andre lagret på samme tid. Gå tilbake, last inn siden på nytt og prøv igjen." },
    tooLarge: { title: "For mye på én gang", body: "Skjemaet som ble sendt, er større enn portalen tar imot. Korter ned teksten og prøv igjen." },
    unsupportedType: { title: "Ukjent format", body: "Portalen tar bare imot skjemaer slik nettleseren sender dem." },
    incident: "Oppgi feilkoden {{id}} hvis du kontakter brukerstøtte.",
    home: "Gå til forsiden",
  },
  form: {
    errorSummary: "Rett opp dette før du går videre:",
    staleVersion:
      "Noen andre har lagret endringer i mellomtiden. Endringene deres vises nå, og det du skrev er tatt vare på i skjemaet. Se over og lagre på nytt.",
    saved: "Endringene er lagret.",
  },
  validation: {
    required: "Fyll ut feltet.",
    tooLong: "Teksten er for lang.",
    invalid: "Verdien er ugyldig. Last inn skjemaet på nytt og prøv igjen.",
    email: "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.",
    slug: "Bruk små bokstaver a–z, sifre og bindestrek, for eksempel ekommune-sunnmore.",
    municipalityNumber: "Kommunenummeret må ha fire sifre, for eksempel 1532.",
    language: "Velg bokmål, nynorsk eller engelsk.",
    role: "Velg en gyldig rolle.",
    date: "Skriv datoen som ÅÅÅÅ-MM-DD.",
    year: "Skriv et årstall mellom 2000 og 2100.",
    nok: "Skriv beløpet i kroner, for eksempel 1 250 000 eller 1 250 000,50.",
    passwordTooShort: "Passordet må ha minst 12 tegn.",
    reporterNeedsMunicipality: "En rapportør må knyttes til én kommune, og bare rapportører kan knyttes til en kommune.",
  },
  login: {
    title: "Logg inn",
    intro: "Logg inn med e-postadressen og passordet du har fått fra samarbeidets sekretariat.",
    email: "E-postadresse",
    password: "Passord",
    submit: "Logg inn",
    invalid: "E-postadressen eller passordet er feil.",
    tooManyAttempts: "For mange innloggingsforsøk. Vent et kvarter og prøv igjen.",
    loggedOut: "Du er logget ut.",
  },
  home: {
    intro:
      "Fellesløft samler strategien, den årlige handlingsplanen, styrets vedtak og kommunenes innføringsstatus for regionale IKT-samarbeid – på ett sted, i stedet for Word, Excel og e-post.",
    yourCooperations: "Dine samarbeid",
    noCooperations: "Du har ingen roller i noe samarbeid ennå. Kontakt sekretariatet i samarbeidet ditt.",
  },
  cooperation: {
    nav: "Sider i {{name}}",
    overview: "Oversikt",
    legalForm: "Organisering",
    host: "Vertskommune",
    yourRoles: "Dine roller",
  },
  strategyStatus: { draft: "Utkast", adopted: "Vedtatt", archived: "Arkivert" },
  measureStatus: {
    proposed: "Foreslått",
    planned: "Planlagt",
    in_progress: "Under arbeid",
    available: "Klar til bruk",
    on_hold: "Satt på vent",
    continuous: "Vurderes fortløpende",
    completed: "På plass",
    discontinued: "Avsluttet",
  },
  uptakeStatus: {
    not_relevant: "Ikke aktuelt",
    not_started: "Ikke startet",
    planned: "Planlagt",
    in_progress: "Under innføring",
    in_use: "Tatt i bruk",
    realised: "Gevinst realisert",
  },
  roles: { secretariat: "Sekretariat", board: "Styre", reporter: "Rapportør", viewer: "Leser" },
  municipality: {
    number: "Kommunenr.",
    name: "Kommune",
    population: "Folketall",
    populationValue: "{{value}} ({{year}})",
    writtenStandard: "Målform",
    joinedOn: "Med siden",
  },
  writtenStandard: { bokmaal: "Bokmål", nynorsk: "Nynorsk", neutral: "Nøytral" },
  common: { unknown: "Ukjent" },
  accessibility: {
    title: "Tilgjengelighetserklæring for Fellesløft",
    intro:
      "Fellesløft skal kunne brukes av alle. Løsningen er laget for å oppfylle kravene i forskrift om universell utforming av IKT-løsninger, som viser til WCAG 2.1 nivå A og AA – også for sidene som krever innlogging.",
    howTitle: "Slik arbeider vi med tilgjengelighet",
    commitments: [
      "Alle sider kan brukes med tastatur, og fokus er alltid synlig.",
      "Alle sider virker uten JavaScript.",
      "Status vises med tekst, ikke bare med farge.",
      "Sidene kan forstørres og brukes på skjermer ned til 320 piksler brede.",
      "Hver endring av løsningen testes automatisk med axe-core mot WCAG 2.1 A og AA, på bokmål og nynorsk.",
    ],
    cooperationsTitle: "Samarbeidenes egne erklæringer",
    cooperations:
      "Hvert IKT-samarbeid som bruker Fellesløft, er selv ansvarlig for sin tilgjengelighetserklæring på uustatus.no og kan lenke til den fra sine sider.",
    feedbackTitle: "Tilbakemelding",
    feedback:
      "Opplever du hindringer, kontakt sekretariatet i samarbeidet ditt. Du kan også klage til Tilsynet for universell utforming av IKT.",
    authority: "Tilsynet for universell utforming av IKT (uutilsynet.no)",
  },
  admin: {
    title: "Plattformadministrasjon",
    cliHint: "Samarbeid, deltakerkommuner, brukere og roller opprettes med kommandolinjeverktøyet: npm run admin -- help",
    cooperations: "Samarbeid på plattformen",
    name: "Navn",
    slug: "Adresse (slug)",
    members: "Deltakerkommuner",
    users: "Brukere med roller",
    unknownMunicipality: "Fant ingen kommune med nummer {{number}} som var gyldig {{date}}.",
    unknownCooperation: "Fant ikke samarbeidet «{{slug}}».",
    unknownUser: "Fant ingen bruker med e-postadressen {{email}}.",
    duplicateSlug: "Adressen «{{slug}}» er allerede i bruk av et annet samarbeid.",
    duplicateUser: "Det finnes allerede en bruker med e-postadressen {{email}}.",
    notAMember: "Kommune {{number}} er ikke deltaker i «{{slug}}».",
    municipalityOnlyForReporters: "Bare rapportører knyttes til en kommune.",
    duplicateRole: "{{email}} har allerede rollen {{role}} i «{{slug}}».",
  },
};

type Widen<T> = T extends string ? string : T extends readonly string[] ? string[] : { [K in keyof T]: Widen<T[K]> };
export type Messages = Widen<typeof nb>;
