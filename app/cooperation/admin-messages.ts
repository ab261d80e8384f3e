import { domainMessages } from "../i18n/domain-messages";

/** What `npm run admin` prints: its help, its refusals and what it did, in the language of `--lang`. */
export const adminCliMessages = domainMessages(
  {
    usage: `Fellesløft – administrasjon

  npm run admin -- create-cooperation --slug <adresse> --name <navn> [--description <tekst>]
                   [--legal-form <tekst>] [--host <kommunenr.>] [--language nb|nn|en]
  npm run admin -- add-members --slug <adresse> --municipalities <nr.,nr.,…> [--joined <ÅÅÅÅ-MM-DD>]
  npm run admin -- create-user --email <e-post> --name <navn> --password-stdin
                   [--platform-admin] [--language nb|nn|en]
  npm run admin -- grant-role --email <e-post> --slug <adresse> --role secretariat|board|reporter|viewer
                   [--municipality <kommunenr.>]   (bare for rapportører, og påkrevd for dem)
  npm run admin -- disable-user --email <e-post>
  npm run admin -- import-population --file <fil.csv> [--year <ÅÅÅÅ>]
                   (folketall fra SSBs tabell 07459, lastet ned som CSV)

Alle kommandoene tar --lang nb|nn|en: språket verktøyet svarer på (bokmål hvis ikke valgt).
Databasen er DATABASE_URL (standard data/fellesloft.sqlite). Passordet leses fra
standard inn, så det aldri vises i prosesslisten eller i skallhistorikken.`,
    cooperationCreated: "Opprettet samarbeidet «{{name}}» på /c/{{slug}}.",
    membersAdded_one: "La til {{count}} deltakerkommune i {{slug}}.",
    membersAdded_other: "La til {{count}} deltakerkommuner i {{slug}}.",
    userCreated: "Opprettet brukeren {{email}}.",
    roleGranted: "Ga {{email}} rollen {{role}} i {{slug}}.",
    userDisabled: "Deaktiverte {{email}} og avsluttet alle øktene.",
    populationLoaded_one: "Lastet inn folketall for {{year}} for {{count}} kommune.",
    populationLoaded_other: "Lastet inn folketall for {{year}} for {{count}} kommuner.",
    populationReplaced_one: "Folketallet for {{year}} var lastet inn før: {{count}} tall er erstattet.",
    populationReplaced_other: "Folketallet for {{year}} var lastet inn før: {{count}} tall er erstattet.",
    unknownCommand: "Ukjent kommando: {{command}}",
    unknownOption: "Ukjent valg: {{option}}",
    missingValue: "{{option}} må ha en verdi.",
    takesNoValue: "{{option}} tar ingen verdi.",
    unexpectedArgument: "Uventet argument: {{value}}",
    lang: "--lang må være nb, nn eller en.",
    year: "--year må være et årstall med fire sifre, for eksempel 2025.",
    unreadableFile: "Kunne ikke lese filen {{file}}.",
    population: {
      refused: "Ingen folketall er lastet inn. Rett opp disse linjene i filen og prøv igjen:",
      line: "  linje {{line}}: {{problem}}",
      unreadable: "kan ikke leses som CSV med semikolon mellom feltene",
      noHeader: "fant ingen overskriftslinje med kolonnen «region»",
      noYear: "fant verken kolonnen «år» eller en kolonne per år",
      severalYears: "filen har tall for flere år ({{years}}); velg ett med --year",
      yearNotInFile: "filen har ingen tall for {{year}}",
      notAMunicipality: "«{{value}}» er ikke et firesifret kommunenummer med navn",
      badNumber: "«{{value}}» er ikke et folketall",
      duplicate: "kommune {{number}} står også på linje {{first}}",
      unknownMunicipality: "kommune {{number}} finnes ikke i kommuneregisteret 1. januar {{year}}",
      noFigures: "filen har ingen folketall for {{year}}",
    },
  },
  {
    nn: {
      usage: `Fellesløft – administrasjon

  npm run admin -- create-cooperation --slug <adresse> --name <namn> [--description <tekst>]
                   [--legal-form <tekst>] [--host <kommunenr.>] [--language nb|nn|en]
  npm run admin -- add-members --slug <adresse> --municipalities <nr.,nr.,…> [--joined <ÅÅÅÅ-MM-DD>]
  npm run admin -- create-user --email <e-post> --name <namn> --password-stdin
                   [--platform-admin] [--language nb|nn|en]
  npm run admin -- grant-role --email <e-post> --slug <adresse> --role secretariat|board|reporter|viewer
                   [--municipality <kommunenr.>]   (berre for rapportørar, og påkravd for dei)
  npm run admin -- disable-user --email <e-post>
  npm run admin -- import-population --file <fil.csv> [--year <ÅÅÅÅ>]
                   (folketal frå tabell 07459 hos SSB, lasta ned som CSV)

Alle kommandoane tek --lang nb|nn|en: språket verktøyet svarar på (bokmål om ikkje valt).
Databasen er DATABASE_URL (standard data/fellesloft.sqlite). Passordet blir lese frå
standard inn, så det aldri blir vist i prosesslista eller i skalhistorikken.`,
      cooperationCreated: "Oppretta samarbeidet «{{name}}» på /c/{{slug}}.",
      membersAdded_one: "La til {{count}} deltakarkommune i {{slug}}.",
      membersAdded_other: "La til {{count}} deltakarkommunar i {{slug}}.",
      userCreated: "Oppretta brukaren {{email}}.",
      roleGranted: "Gav {{email}} rolla {{role}} i {{slug}}.",
      userDisabled: "Deaktiverte {{email}} og avslutta alle øktene.",
      populationLoaded_one: "Lasta inn folketal for {{year}} for {{count}} kommune.",
      populationLoaded_other: "Lasta inn folketal for {{year}} for {{count}} kommunar.",
      populationReplaced_one: "Folketalet for {{year}} var lasta inn før: {{count}} tal er bytt ut.",
      populationReplaced_other: "Folketalet for {{year}} var lasta inn før: {{count}} tal er bytte ut.",
      unknownCommand: "Ukjend kommando: {{command}}",
      unknownOption: "Ukjend val: {{option}}",
      missingValue: "{{option}} må ha ein verdi.",
      takesNoValue: "{{option}} tek ingen verdi.",
      unexpectedArgument: "Uventa argument: {{value}}",
      lang: "--lang må vere nb, nn eller en.",
      year: "--year må vere eit årstal med fire siffer, til dømes 2025.",
      unreadableFile: "Kunne ikkje lese fila {{file}}.",
      population: {
        refused: "Ingen folketal er lasta inn. Rett opp desse linjene i fila og prøv igjen:",
        line: "  linje {{line}}: {{problem}}",
        unreadable: "kan ikkje lesast som CSV med semikolon mellom felta",
        noHeader: "fann inga overskriftslinje med kolonnen «region»",
        noYear: "fann verken kolonnen «år» eller ein kolonne per år",
        severalYears: "fila har tal for fleire år ({{years}}); vel eitt med --year",
        yearNotInFile: "fila har ingen tal for {{year}}",
        notAMunicipality: "«{{value}}» er ikkje eit firesifra kommunenummer med namn",
        badNumber: "«{{value}}» er ikkje eit folketal",
        duplicate: "kommune {{number}} står òg på linje {{first}}",
        unknownMunicipality: "kommune {{number}} finst ikkje i kommuneregisteret 1. januar {{year}}",
        noFigures: "fila har ingen folketal for {{year}}",
      },
    },
    en: {
      usage: `Fellesløft administration

  npm run admin -- create-cooperation --slug <address> --name <name> [--description <text>]
                   [--legal-form <text>] [--host <municipality no.>] [--language nb|nn|en]
  npm run admin -- add-members --slug <address> --municipalities <no.,no.,…> [--joined <YYYY-MM-DD>]
  npm run admin -- create-user --email <e-mail> --name <name> --password-stdin
                   [--platform-admin] [--language nb|nn|en]
  npm run admin -- grant-role --email <e-mail> --slug <address> --role secretariat|board|reporter|viewer
                   [--municipality <municipality no.>]   (reporters only, and required for them)
  npm run admin -- disable-user --email <e-mail>
  npm run admin -- import-population --file <file.csv> [--year <YYYY>]
                   (population from Statistics Norway's table 07459, downloaded as CSV)

Every command takes --lang nb|nn|en: the language the tool answers in (Bokmål unless chosen).
The database is DATABASE_URL (default data/fellesloft.sqlite). The password is read from
standard input so it never shows in the process list or shell history.`,
      cooperationCreated: "Created the cooperation “{{name}}” at /c/{{slug}}.",
      membersAdded_one: "Added {{count}} member municipality to {{slug}}.",
      membersAdded_other: "Added {{count}} member municipalities to {{slug}}.",
      userCreated: "Created the user {{email}}.",
      roleGranted: "Granted {{email}} the role {{role}} in {{slug}}.",
      userDisabled: "Disabled {{email}} and ended all their sessions.",
      populationLoaded_one: "Loaded the {{year}} population of {{count}} municipality.",
      populationLoaded_other: "Loaded the {{year}} population of {{count}} municipalities.",
      populationReplaced_one: "The {{year}} population had been loaded before: {{count}} figure was replaced.",
      populationReplaced_other: "The {{year}} population had been loaded before: {{count}} figures were replaced.",
      unknownCommand: "Unknown command: {{command}}",
      unknownOption: "Unknown option: {{option}}",
      missingValue: "{{option}} needs a value.",
      takesNoValue: "{{option}} takes no value.",
      unexpectedArgument: "Unexpected argument: {{value}}",
      lang: "--lang must be nb, nn or en.",
      year: "--year must be a four-digit year, for example 2025.",
      unreadableFile: "Could not read the file {{file}}.",
      population: {
        refused: "No population figure was loaded. Correct these lines of the file and try again:",
        line: "  line {{line}}: {{problem}}",
        unreadable: "cannot be read as CSV with semicolons between the fields",
        noHeader: "found no header line with the column “region”",
        noYear: "found neither the column “år” nor a column per year",
        severalYears: "the file has figures for several years ({{years}}); choose one with --year",
        yearNotInFile: "the file has no figures for {{year}}",
        notAMunicipality: "“{{value}}” is not a four-digit municipality number with a name",
        badNumber: "“{{value}}” is not a population figure",
        duplicate: "municipality {{number}} is also on line {{first}}",
        unknownMunicipality: "municipality {{number}} is not in the register on 1 January {{year}}",
        noFigures: "the file has no population figures for {{year}}",
      },
    },
  }
);
