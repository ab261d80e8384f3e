import { domainMessages } from "../../i18n/domain-messages";

/** Texts of the charts (namespace `chart`): the shared frame, the generated summaries and the three report charts. */
export const chartMessages = domainMessages(
  {
    showNumbers: "Vis tallene",
    noData: "Ingen data å vise.",
    noValue: "ingen data",
    legend: "Tegnforklaring",
    series: "Serie",
    total: "Totalt",
    summary: {
      highLow: "Høyest: {{highest}}, lavest: {{lowest}}.",
      single: "{{label}}: {{value}}.",
      labelValue: "{{label}} {{value}}",
      lines: "Fra {{from}} til {{to}}; ved siste måling er {{highest}} høyest og {{lowest}} lavest.",
      line: "{{series}}: {{first}} ({{from}}) til {{last}} ({{to}}).",
      linePoint: "{{series}}: {{value}} ({{at}}).",
    },
    uptake: {
      title: "Andel tatt i bruk over tid",
      series: "Tiltak eller satsingsområde",
    },
    progress: {
      title: "Fremdrift per satsingsområde",
      titleGoals: "Fremdrift per satsingsområde og mål",
      category: "Satsingsområde",
      categoryGoals: "Satsingsområde og mål",
      share: "Andel tatt i bruk",
    },
    costs: {
      title: "Kostnader per kommune {{year}}",
      municipality: "Kommune",
      total: "Kostnad totalt",
      investment: "Investering",
      running: "Drift",
    },
  },
  {
    nn: {
      showNumbers: "Vis tala",
      noData: "Ingen data å vise.",
      noValue: "ingen data",
      legend: "Teiknforklaring",
      series: "Serie",
      total: "Totalt",
      summary: {
        highLow: "Høgast: {{highest}}, lågast: {{lowest}}.",
        single: "{{label}}: {{value}}.",
        labelValue: "{{label}} {{value}}",
        lines: "Frå {{from}} til {{to}}; ved siste måling er {{highest}} høgast og {{lowest}} lågast.",
        line: "{{series}}: {{first}} ({{from}}) til {{last}} ({{to}}).",
        linePoint: "{{series}}: {{value}} ({{at}}).",
      },
      uptake: {
        title: "Del teke i bruk over tid",
        series: "Tiltak eller tiltaksområde",
      },
      progress: {
        title: "Framdrift per tiltaksområde",
        titleGoals: "Framdrift per tiltaksområde og mål",
        category: "Tiltaksområde",
        categoryGoals: "Tiltaksområde og mål",
        share: "Del teke i bruk",
      },
      costs: {
        title: "Kostnader per kommune {{year}}",
        municipality: "Kommune",
        total: "Kostnad totalt",
        investment: "Investering",
        running: "Drift",
      },
    },
    en: {
      showNumbers: "Show the numbers",
      noData: "No data to show.",
      noValue: "no data",
      legend: "Legend",
      series: "Series",
      total: "Total",
      summary: {
        highLow: "Highest: {{highest}}, lowest: {{lowest}}.",
        single: "{{label}}: {{value}}.",
        labelValue: "{{label}} {{value}}",
        lines: "From {{from}} to {{to}}; at the latest measurement {{highest}} is highest and {{lowest}} lowest.",
        line: "{{series}}: {{first}} ({{from}}) to {{last}} ({{to}}).",
        linePoint: "{{series}}: {{value}} ({{at}}).",
      },
      uptake: {
        title: "Share taken into use over time",
        series: "Measure or focus area",
      },
      progress: {
        title: "Progress per focus area",
        titleGoals: "Progress per focus area and goal",
        category: "Focus area",
        categoryGoals: "Focus area and goal",
        share: "Share taken into use",
      },
      costs: {
        title: "Costs per municipality {{year}}",
        municipality: "Municipality",
        total: "Total cost",
        investment: "Investment",
        running: "Running",
      },
    },
  }
);
