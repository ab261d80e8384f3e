import { domainMessages } from "../i18n/domain-messages";

export const planCommentMessages = domainMessages(
  {
    title: "Innspill",
  },
  {
    nn: { title: "Innspel" },
    en: { title: "Input" },
  },
);
