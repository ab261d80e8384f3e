import { domainMessages } from "../i18n/domain-messages";

export const planMessages = domainMessages(
  {
    nav: "Handlingsplaner",
  },
  {
    nn: { nav: "Handlingsplanar" },
    en: { nav: "Action plans" },
  },
);
