import { domainMessages } from "../i18n/domain-messages";

export const measureMessages = domainMessages(
  {
    nav: "Tiltak",
    number: "Nr.",
    name: "Tiltak",
    status: "Status",
    uptake: "Tatt i bruk",
    uptakeValue: "{{percent}} ({{inUse}} av {{relevant}} kommuner)",
    uptakeNotRelevant: "Ikke aktuelt for noen deltaker",
  },
  {
    nn: {
      nav: "Tiltak",
      number: "Nr.",
      name: "Tiltak",
      status: "Status",
      uptake: "Teke i bruk",
      uptakeValue: "{{percent}} ({{inUse}} av {{relevant}} kommunar)",
      uptakeNotRelevant: "Ikkje aktuelt for nokon deltakar",
    },
    en: {
      nav: "Measures",
      number: "No.",
      name: "Measure",
      status: "Status",
      uptake: "Taken into use",
      uptakeValue: "{{percent}} ({{inUse}} of {{relevant}} municipalities)",
      uptakeNotRelevant: "Not relevant for any participant",
    },
  }
);
