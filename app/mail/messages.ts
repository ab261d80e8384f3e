import { domainMessages } from "../i18n/domain-messages";

/**
 * `mail.*`: the e-mails to reporters (rendered once, at enqueue time, in the recipient's
 * language) and the secretariat's page that shows what was sent, kept or failed.
 */
export const mailMessages = domainMessages(
  {
    roundOpened: {
      subject: "Rapportering for {{municipality}}: {{round}} – frist {{deadline}}",
      body: "Hei {{name}},\n\n{{cooperation}} har åpnet rapporteringsrunden «{{round}}». Vi ber deg rapportere innføringsstatus for {{municipality}} innen {{deadline}}.\n\nRapporter her:\n{{link}}\n\nMed vennlig hilsen\n{{cooperation}}\n\nDenne e-posten er sendt automatisk fra Fellesløft fordi du er rapportør for {{municipality}} i {{cooperation}}. Svar på denne e-posten blir ikke lest.",
    },
    roundReminder: {
      subject: "Påminnelse: frist {{deadline}} for {{round}} ({{municipality}})",
      body: "Hei {{name}},\n\nDette er en påminnelse fra {{cooperation}}: fristen for å rapportere innføringsstatus for {{municipality}} i rapporteringsrunden «{{round}}» er {{deadline}}.\n\nRapporter her:\n{{link}}\n\nHar dere allerede levert, kan du se bort fra denne e-posten.\n\nMed vennlig hilsen\n{{cooperation}}\n\nDenne e-posten er sendt automatisk fra Fellesløft fordi du er rapportør for {{municipality}} i {{cooperation}}. Svar på denne e-posten blir ikke lest.",
    },
    planInput: {
      subject: "Innspill til handlingsplan {{year}} for {{municipality}} – frist {{deadline}}",
      body: "Hei {{name}},\n\n{{cooperation}} har sendt handlingsplanen for {{year}} (versjon {{version}}) på innspill. Vi ber om innspill fra {{municipality}} innen {{deadline}}, til planen som helhet eller til enkelttiltak.\n\nLes planen og gi innspill her:\n{{link}}\n\nEtter fristen går planen til styret.\n\nMed vennlig hilsen\n{{cooperation}}\n\nDenne e-posten er sendt automatisk fra Fellesløft fordi du er rapportør for {{municipality}} i {{cooperation}}. Svar på denne e-posten blir ikke lest.",
    },
    page: {
      title: "E-post – {{name}}",
      heading: "E-post til rapportørene",
      intro:
        "Varslene om rapporteringsrunder og om handlingsplaner på innspill som er sendt til kommunenes rapportører, nyeste først.",
      noServer:
        "Ingen e-postserver er satt opp, så e-posten blir ikke sendt. Den blir liggende i utboksen nedenfor, der du kan lese den.",
      roundFilter: "Viser e-post for rapporteringsrunden «{{round}}».",
      showAll: "Vis all e-post",
      caption: "E-post med mottaker, kommune, type, emne, når den ble laget, og status",
      limited: "Viser de {{shown}} nyeste av {{total}}.",
      none: "Ingen e-post ennå.",
      columns: {
        to: "Til",
        municipality: "Kommune",
        kind: "Type",
        subject: "Emne",
        created: "Laget",
        status: "Status",
      },
      kind: {
        round_opened: "Runden er åpnet",
        round_reminder: "Påminnelse",
        plan_input: "Handlingsplan {{year}}, versjon {{version}}, på innspill",
      },
      showText: "Vis hele e-posten",
      status: {
        queued: "Venter på å bli sendt",
        sent: "Sendt {{time}}",
        outbox: "I utboksen (ikke sendt: ingen e-postserver er satt opp)",
        retrying: "Ikke sendt ennå: forsøk {{attempts}} mislyktes. Nytt forsøk ({{retry}} av {{retries}}) blir gjort {{time}}.",
        failed_one: "Mislyktes etter {{count}} forsøk.",
        failed_other: "Mislyktes etter {{count}} forsøk.",
        error: "Feil fra e-postserveren: {{error}}",
      },
      sendAgain: "Send på nytt",
    },
    toast: {
      requeued: "E-posten er lagt i køen igjen og blir sendt om litt.",
      notFailed: "E-posten var allerede lagt i køen eller sendt. Ingenting er endret.",
    },
  },
  {
    nn: {
      roundOpened: {
        subject: "Rapportering for {{municipality}}: {{round}} – frist {{deadline}}",
        body: "Hei {{name}},\n\n{{cooperation}} har opna rapporteringsrunden «{{round}}». Vi ber deg rapportere innføringsstatus for {{municipality}} innan {{deadline}}.\n\nRapporter her:\n{{link}}\n\nMed venleg helsing\n{{cooperation}}\n\nDenne e-posten er send automatisk frå Fellesløft fordi du er rapportør for {{municipality}} i {{cooperation}}. Svar på denne e-posten blir ikkje lesne.",
      },
      roundReminder: {
        subject: "Påminning: frist {{deadline}} for {{round}} ({{municipality}})",
        body: "Hei {{name}},\n\nDette er ei påminning frå {{cooperation}}: fristen for å rapportere innføringsstatus for {{municipality}} i rapporteringsrunden «{{round}}» er {{deadline}}.\n\nRapporter her:\n{{link}}\n\nHar de alt levert, kan du sjå bort frå denne e-posten.\n\nMed venleg helsing\n{{cooperation}}\n\nDenne e-posten er send automatisk frå Fellesløft fordi du er rapportør for {{municipality}} i {{cooperation}}. Svar på denne e-posten blir ikkje lesne.",
      },
      planInput: {
        subject: "Innspel til handlingsplan {{year}} for {{municipality}} – frist {{deadline}}",
        body: "Hei {{name}},\n\n{{cooperation}} har sendt handlingsplanen for {{year}} (versjon {{version}}) på innspel. Vi ber om innspel frå {{municipality}} innan {{deadline}}, til planen som heilskap eller til einskilde tiltak.\n\nLes planen og gi innspel her:\n{{link}}\n\nEtter fristen går planen til styret.\n\nMed venleg helsing\n{{cooperation}}\n\nDenne e-posten er send automatisk frå Fellesløft fordi du er rapportør for {{municipality}} i {{cooperation}}. Svar på denne e-posten blir ikkje lesne.",
      },
      page: {
        title: "E-post – {{name}}",
        heading: "E-post til rapportørane",
        intro:
          "Varsla om rapporteringsrundar og om handlingsplanar på innspel som er sende til rapportørane i kommunane, nyaste først.",
        noServer:
          "Ingen e-posttenar er sett opp, så e-posten blir ikkje send. Han blir liggjande i utboksen nedanfor, der du kan lese han.",
        roundFilter: "Viser e-post for rapporteringsrunden «{{round}}».",
        showAll: "Vis all e-post",
        caption: "E-post med mottakar, kommune, type, emne, når han vart laga, og status",
        limited: "Viser dei {{shown}} nyaste av {{total}}.",
        none: "Ingen e-post enno.",
        columns: {
          to: "Til",
          municipality: "Kommune",
          kind: "Type",
          subject: "Emne",
          created: "Laga",
          status: "Status",
        },
        kind: {
          round_opened: "Runden er opna",
          round_reminder: "Påminning",
          plan_input: "Handlingsplan {{year}}, versjon {{version}}, på innspel",
        },
        showText: "Vis heile e-posten",
        status: {
          queued: "Ventar på å bli send",
          sent: "Send {{time}}",
          outbox: "I utboksen (ikkje send: ingen e-posttenar er sett opp)",
          retrying: "Ikkje send enno: forsøk {{attempts}} feila. Nytt forsøk ({{retry}} av {{retries}}) blir gjort {{time}}.",
          failed_one: "Feila etter {{count}} forsøk.",
          failed_other: "Feila etter {{count}} forsøk.",
          error: "Feil frå e-posttenaren: {{error}}",
        },
        sendAgain: "Send på nytt",
      },
      toast: {
        requeued: "E-posten er lagd i køen att og blir send om litt.",
        notFailed: "E-posten var alt lagd i køen eller send. Ingenting er endra.",
      },
    },
    en: {
      roundOpened: {
        subject: "Reporting for {{municipality}}: {{round}} – deadline {{deadline}}",
        body: "Hello {{name}},\n\n{{cooperation}} has opened the reporting round “{{round}}”. Please report the uptake status for {{municipality}} by {{deadline}}.\n\nReport here:\n{{link}}\n\nKind regards\n{{cooperation}}\n\nThis e-mail was sent automatically by Fellesløft because you are the reporter for {{municipality}} in {{cooperation}}. Replies to this e-mail are not read.",
      },
      roundReminder: {
        subject: "Reminder: deadline {{deadline}} for {{round}} ({{municipality}})",
        body: "Hello {{name}},\n\nThis is a reminder from {{cooperation}}: the deadline for reporting the uptake status for {{municipality}} in the reporting round “{{round}}” is {{deadline}}.\n\nReport here:\n{{link}}\n\nIf you have already reported, you can ignore this e-mail.\n\nKind regards\n{{cooperation}}\n\nThis e-mail was sent automatically by Fellesløft because you are the reporter for {{municipality}} in {{cooperation}}. Replies to this e-mail are not read.",
      },
      planInput: {
        subject: "Input on the {{year}} action plan for {{municipality}} – deadline {{deadline}}",
        body: "Hello {{name}},\n\n{{cooperation}} has sent the action plan for {{year}} (version {{version}}) out for input. Please give {{municipality}}'s input by {{deadline}}, on the plan as a whole or on single measures.\n\nRead the plan and give your input here:\n{{link}}\n\nAfter the deadline the plan goes to the board.\n\nKind regards\n{{cooperation}}\n\nThis e-mail was sent automatically by Fellesløft because you are the reporter for {{municipality}} in {{cooperation}}. Replies to this e-mail are not read.",
      },
      page: {
        title: "E-mail – {{name}}",
        heading: "E-mail to reporters",
        intro:
          "The notices about reporting rounds and about action plans out for input sent to the municipalities' reporters, newest first.",
        noServer: "No e-mail server is configured, so e-mail is not sent. It stays in the outbox below, where you can read it.",
        roundFilter: "Showing e-mail for the reporting round “{{round}}”.",
        showAll: "Show all e-mail",
        caption: "E-mail with recipient, municipality, kind, subject, when it was created, and status",
        limited: "Showing the {{shown}} newest of {{total}}.",
        none: "No e-mail yet.",
        columns: {
          to: "To",
          municipality: "Municipality",
          kind: "Kind",
          subject: "Subject",
          created: "Created",
          status: "Status",
        },
        kind: {
          round_opened: "Round opened",
          round_reminder: "Reminder",
          plan_input: "Action plan {{year}}, version {{version}}, out for input",
        },
        showText: "Show the whole e-mail",
        status: {
          queued: "Waiting to be sent",
          sent: "Sent {{time}}",
          outbox: "In the outbox (not sent: no e-mail server is configured)",
          retrying: "Not sent yet: attempt {{attempts}} failed. Retry {{retry}} of {{retries}} is due {{time}}.",
          failed_one: "Failed after {{count}} attempt.",
          failed_other: "Failed after {{count}} attempts.",
          error: "Error from the e-mail server: {{error}}",
        },
        sendAgain: "Send again",
      },
      toast: {
        requeued: "The e-mail is back in the queue and will be sent shortly.",
        notFailed: "The e-mail was already queued or sent. Nothing was changed.",
      },
    },
  }
);
