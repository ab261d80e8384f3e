import "i18next";
import type adminCli from "../locales/nb/adminCli.json";
import type chart from "../locales/nb/chart.json";
import type common from "../locales/nb/common.json";
import type decision from "../locales/nb/decision.json";
import type mail from "../locales/nb/mail.json";
import type measure from "../locales/nb/measure.json";
import type overview from "../locales/nb/overview.json";
import type plan from "../locales/nb/plan.json";
import type planComments from "../locales/nb/planComments.json";
import type publication from "../locales/nb/publication.json";
import type report from "../locales/nb/report.json";
import type reportExport from "../locales/nb/reportExport.json";
import type round from "../locales/nb/round.json";
import type strategy from "../locales/nb/strategy.json";
import type succession from "../locales/nb/succession.json";
import type uptake from "../locales/nb/uptake.json";
import type { NAMESPACES } from "./config";

// Bokmål is the source: a key that is not in its files fails the type check.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: typeof NAMESPACES;
    resources: {
      common: typeof common;
      strategy: typeof strategy;
      measure: typeof measure;
      decision: typeof decision;
      plan: typeof plan;
      planComments: typeof planComments;
      mail: typeof mail;
      uptake: typeof uptake;
      overview: typeof overview;
      round: typeof round;
      chart: typeof chart;
      reportExport: typeof reportExport;
      report: typeof report;
      adminCli: typeof adminCli;
      publication: typeof publication;
      succession: typeof succession;
    };
  }
}
