import { domainMessages } from "../i18n/domain-messages";

export const strategyMessages = domainMessages(
  {
    nav: "Strategi",
  },
  {
    nn: { nav: "Strategi" },
    en: { nav: "Strategy" },
  },
);
