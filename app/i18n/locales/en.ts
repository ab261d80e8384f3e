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

export const en: Messages = {
  strategy: strategyMessages.en,
  measure: measureMessages.en,
  decision: decisionMessages.en,
  plan: planMessages.en,
  planComments: planCommentMessages.en,
  mail: mailMessages.en,
  uptake: uptakeMessages.en,
  overview: overviewMessages.en,
  round: roundMessages.en,
  chart: chartMessages.en,
  reportExport: reportExportMessages.en,
  report: reportMessages.en,
  adminCli: adminCliMessages.en,
  shell: {
    skipToContent: "Skip to main content",
    signedInAs: "Signed in as {{name}}",
    logout: "Sign out",
    login: "Sign in",
    mainNav: "Your cooperations",
    platformAdmin: "Platform administration",
    language: "Language",
    changeLanguage: "Change language",
    accessibilityStatement: "Accessibility statement",
    tagline: "Fellesløft – strategy, action plan and follow-up for regional ICT cooperations",
  },
  languages: { nb: "Bokmål", nn: "Nynorsk", en: "English" },
  errors: {
    notFound: { title: "Page not found", body: "The page does not exist, or you do not have access to it." },
    forbidden: { title: "No access", body: "Your role does not allow this action." },
    crossOrigin: {
      title: "The form was refused",
      body: "The form was sent from a website other than Fellesløft, so nothing was saved. Open the page in Fellesløft and send the form from there.",
    },
    tooMany: { title: "Too many attempts", body: "Please wait a moment and try again." },
    unexpected: { title: "Something went wrong", body: "An unexpected error occurred. Please try again shortly." },
    badRequest: { title: "The form could not be read", body: "What was sent could not be read as a form. Go back, reload the page and send the form again." },
    methodNotAllowed: { title: "Not supported", body: "This address does not accept that kind of request." },
    conflict: { title: "Someone else saved at the same time", body: "The change could not be saved because others saved at the same moment. Go back, reload the page and try again." },
    tooLarge: { title: "Too much at once", body: "The form sent is larger than the portal accepts. Shorten the text and try again." },
    unsupportedType: { title: "Unknown format", body: "The portal only accepts forms as a browser sends them." },
    incident: "Quote the error code {{id}} if you contact support.",
    home: "Go to the front page",
  },
  form: {
    errorSummary: "Please correct the following before you continue:",
    staleVersion:
      "Someone else saved changes in the meantime. Their changes are shown now, and what you typed is kept in the form. Review and save again.",
    saved: "Your changes are saved.",
  },
  validation: {
    required: "Fill in this field.",
    tooLong: "The text is too long.",
    invalid: "The value is not valid. Reload the form and try again.",
    email: "Enter a valid e-mail address, for example name@municipality.no.",
    slug: "Use lower-case letters a–z, digits and hyphens, for example ekommune-sunnmore.",
    municipalityNumber: "The municipality number must have four digits, for example 1532.",
    language: "Choose Bokmål, Nynorsk or English.",
    role: "Choose a valid role.",
    date: "Write the date as YYYY-MM-DD.",
    year: "Enter a year between 2000 and 2100.",
    nok: "Write the amount in NOK, for example 1 250 000 or 1 250 000,50.",
    passwordTooShort: "The password must be at least 12 characters long.",
    reporterNeedsMunicipality: "A reporter must be bound to one municipality, and only reporters can be bound to a municipality.",
  },
  login: {
    title: "Sign in",
    intro: "Sign in with the e-mail address and password you received from your cooperation's secretariat.",
    email: "E-mail address",
    password: "Password",
    submit: "Sign in",
    invalid: "The e-mail address or the password is wrong.",
    tooManyAttempts: "Too many sign-in attempts. Wait a quarter of an hour and try again.",
    loggedOut: "You are signed out.",
  },
  home: {
    intro:
      "Fellesløft brings a regional ICT cooperation's strategy, yearly action plan, board decisions and the member municipalities' uptake together in one place – instead of Word, Excel and e-mail.",
    yourCooperations: "Your cooperations",
    noCooperations: "You have no role in any cooperation yet. Contact your cooperation's secretariat.",
  },
  cooperation: {
    nav: "Pages of {{name}}",
    overview: "Overview",
    legalForm: "Legal form",
    host: "Host municipality",
    yourRoles: "Your roles",
  },
  strategyStatus: { draft: "Draft", adopted: "Adopted", archived: "Archived" },
  measureStatus: {
    proposed: "Proposed",
    planned: "Planned",
    in_progress: "In progress",
    available: "Ready for use",
    on_hold: "On hold",
    continuous: "Assessed continuously",
    completed: "In place",
    discontinued: "Discontinued",
  },
  uptakeStatus: {
    not_relevant: "Not relevant",
    not_started: "Not started",
    planned: "Planned",
    in_progress: "Being introduced",
    in_use: "In use",
    realised: "Benefit realised",
  },
  roles: { secretariat: "Secretariat", board: "Board", reporter: "Reporter", viewer: "Viewer" },
  municipality: {
    number: "Municipality no.",
    name: "Municipality",
    population: "Population",
    populationValue: "{{value}} ({{year}})",
    writtenStandard: "Written standard",
    joinedOn: "Member since",
  },
  writtenStandard: { bokmaal: "Bokmål", nynorsk: "Nynorsk", neutral: "Neutral" },
  common: { unknown: "Unknown" },
  accessibility: {
    title: "Accessibility statement for Fellesløft",
    intro:
      "Fellesløft is meant to be usable by everyone. It is built to meet the Norwegian regulation on universal design of ICT, which refers to WCAG 2.1 levels A and AA – including the pages that require signing in.",
    howTitle: "How we work on accessibility",
    commitments: [
      "Every page can be used with a keyboard, and focus is always visible.",
      "Every page works without JavaScript.",
      "Status is shown with text, never by colour alone.",
      "Pages can be zoomed and used on screens down to 320 pixels wide.",
      "Every change to the portal is tested automatically with axe-core against WCAG 2.1 A and AA, in Bokmål and Nynorsk.",
    ],
    cooperationsTitle: "The cooperations' own statements",
    cooperations:
      "Each ICT cooperation that uses Fellesløft is responsible for its own accessibility statement on uustatus.no and can link to it from its pages.",
    feedbackTitle: "Feedback",
    feedback:
      "If you meet a barrier, contact your cooperation's secretariat. You can also complain to the Norwegian Authority for Universal Design of ICT.",
    authority: "Authority for Universal Design of ICT (uutilsynet.no)",
  },
  admin: {
    title: "Platform administration",
    cliHint: "Cooperations, member municipalities, users and roles are created with the command-line tool: npm run admin -- help",
    cooperations: "Cooperations on the platform",
    name: "Name",
    slug: "Address (slug)",
    members: "Member municipalities",
    users: "Users with roles",
    unknownMunicipality: "No municipality with number {{number}} was valid on {{date}}.",
    unknownCooperation: "The cooperation “{{slug}}” does not exist.",
    unknownUser: "No user has the e-mail address {{email}}.",
    duplicateSlug: "The address “{{slug}}” is already used by another cooperation.",
    duplicateUser: "A user with the e-mail address {{email}} already exists.",
    notAMember: "Municipality {{number}} is not a member of “{{slug}}”.",
    municipalityOnlyForReporters: "Only reporters are bound to a municipality.",
    duplicateRole: "{{email}} already has the role {{role}} in “{{slug}}”.",
  },
};
