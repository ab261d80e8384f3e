import { randomUUID } from "node:crypto";
import type { DB } from "../db/connect";
import type { NewUptakeReport, UptakeStatus } from "../db/schema";
import { EKOMMUNE, EKOMMUNE_MEASURES, KNUTEPUNKT, KNUTEPUNKT_MEASURES } from "./demo-content";
import { membersByNumber } from "./register/lookup";
import { addDays, osloDateOf } from "@shared-schema/dates";

/*
 * Demo uptake. eKommune Sunnmøre gets two years of history per (measure, participating
 * municipality), 2013 and 2014, ending in the state of `uptake` in demo-content.ts (which matches
 * each measure's status text in the strategy's table «Tiltak i planperioden»), a round
 * «Statusrapportering 2013» that everyone submitted, and «Statusrapportering 2014», closed with
 * some municipalities done, Haram's submission returned and never sent again, Giske part way and
 * Sula, Ørskog, Stordal and Norddal not started. Knutepunkt Sørlandet gets one report per member
 * with its current state. Giske and Sula report for themselves; the secretariat registers the
 * others' reports. Everything is checked against demo-content.ts before anything is written.
 * The years after 2016, and the round open now, are in ./later-demo.
 */

const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
/** municipality number → the demo reporter who reports for it */
export const OWN_REPORTERS: Record<string, string> = { "1532": "ikt@giske.example", "1531": "ikt@sula.example" };

/** When the municipalities reported: one column each in the stories below, in time order. */
const CHECKPOINTS = ["feb13", "jun13", "round13", "may14", "oct14", "round14"] as const;
type Checkpoint = (typeof CHECKPOINTS)[number];

/** First day of each checkpoint; the municipality at index i of EKOMMUNE.members reports i days later. */
const CHECKPOINT_START: Record<Exclude<Checkpoint, "round14">, string> = {
  feb13: "2013-02-04",
  jun13: "2013-06-03",
  round13: "2013-11-25",
  may14: "2014-05-12",
  oct14: "2014-10-20",
};

export const UPTAKE_CODES: Record<string, UptakeStatus> = {
  N: "not_started",
  P: "planned",
  I: "in_progress",
  A: "in_use",
  R: "realised",
  X: "not_relevant",
};
export const UPTAKE_SCALE: UptakeStatus[] = ["not_relevant", "not_started", "planned", "in_progress", "in_use", "realised"];

interface Note {
  comment?: string;
  /** local decision, e.g. "Formannskapet sak 45/14" */
  decision?: string;
  evidence?: string;
  benefitText?: string;
  /** realised amount per expected benefit (index in the measure's benefits), in that benefit's unit */
  benefits?: Record<number, number>;
}

interface Story {
  /**
   * Municipality number → its status at each checkpoint (feb13 jun13 round13 may14 oct14 round14),
   * "-" where it did not report. N not started, P planned, I in progress, A in use, R realised.
   */
  paths: Record<string, string>;
  /** `${municipality number} ${checkpoint}` → what that report says besides its status */
  notes?: Record<string, Note>;
}

/** Measure number → how each municipality got to where it is. */
const STORIES: Record<number, Story> = {
  // Etablere tilfredsstillande infrastruktur mellom kommunane — «Er stort sett på plass»
  1: {
    paths: {
      //       feb13 jun13 round13 may14 oct14 round14
      "1504": "I A A - - A", // Ålesund
      "1532": "I I A - - A", // Giske
      "1531": "P I A - - -", // Sula
      "1534": "P I I A - A", // Haram
      "1529": "P - I A - A", // Skodje
      "1523": "N P I - A -", // Ørskog
      "1526": "N P A I - -", // Stordal
      "1546": "N P I - I I", // Sandøy
      "1524": "N - P I A -", // Norddal
      "1525": "P I I A - A", // Stranda
      "1528": "P I A - - A", // Sykkylven
    },
    notes: {
      "1504 jun13": { comment: "Rådhuset og dei store tenestestadene i Ålesund går no på fiberringen." },
      "1526 may14": {
        comment:
          "Radiolinken over fjorden fall ut i uvêret i januar. Vi er tilbake på eit mellombels samband med låg kapasitet til fiberen er lagd.",
      },
      "1523 oct14": { comment: "Ørskog vart kopla på fiberringen i september." },
      "1546 oct14": {
        comment:
          "Sjøkabelen til øyane er forseinka. Rådhuset er kopla til, men skulane og sjukeheimen går framleis på gamle samband.",
      },
      "1546 round14": { comment: "Inga endring sidan sist: sjøkabelen skal etter planen leggjast til våren." },
    },
  },
  // Utarbeide felles strategi- og sikkerheitsplan — «Er utarbeidd, men ikkje teken i bruk i alle kommunar»
  2: {
    paths: {
      "1504": "N - P I A A",
      "1532": "N - P I A A",
      "1531": "N - P A - -",
      "1534": "N - N P - P",
      "1529": "N - P A I I",
      "1523": "N - N - - -",
      "1526": "N - N - P -",
      "1546": "N - N - - N",
      "1524": "N - P I - -",
      "1525": "N - P I A A",
      "1528": "N - P I - A",
    },
    notes: {
      "1504 round13": { comment: "Utkastet til felles sikkerheitsplan er sendt på høyring i sektorane." },
      "1504 oct14": {
        comment: "Planen er vedteken og lagd inn i internkontrollen. Avviksrutinane er i bruk i alle sektorar.",
        decision: "Bystyret sak 87/14",
      },
      "1532 oct14": {
        comment: "Planen er vedteken, og alle leiarane har fått opplæring i å melde avvik.",
        decision: "Formannskapet sak 45/14",
        evidence: "https://innsyn.giske.example.no/sak/2014/45",
      },
      "1529 may14": { comment: "Rådmannen har godkjent planen, og han er teken i bruk i administrasjonen." },
      "1529 oct14": {
        comment:
          "Kommunestyret sende planen attende og bad om ei eiga risikovurdering for skulane. Vi reknar planen som under innføring til han er endeleg vedteken.",
        decision: "Kommunestyret sak 38/14",
      },
      "1529 round14": { comment: "Risikovurderinga for skulane er ferdig. Planen skal opp att i kommunestyret." },
      "1523 round13": { comment: "Ørskog har ikkje kapasitet til dette i år. Vi tek det opp att når ny IKT-leiar er på plass." },
      "1546 round14": {
        comment: "Vi ventar med eigen plan til vi kjenner utfallet av kommunereforma og ei mogleg samanslåing med Ålesund.",
      },
      "1525 oct14": {
        comment: "Vedteken utan endringar.",
        decision: "Kommunestyret sak 61/14",
        evidence: "https://www.stranda.example.no/politikk/sak-61-14",
      },
      "1528 round14": { comment: "Planen vart vedteken i kommunestyret i november.", decision: "Kommunestyret sak 54/14" },
    },
  },
  // Innføring av Feide i kommunane — «Er klart til bruk, men ikkje teke i bruk i alle kommunar»
  3: {
    paths: {
      "1504": "P I A - - A",
      "1532": "P I I A - A",
      "1531": "N P P A I -",
      "1534": "P I A - - A",
      "1529": "N - P - P P",
      "1523": "N - N - - -",
      "1526": "N - N - - -",
      "1546": "N - P - - P",
      "1524": "N P P I - -",
      "1525": "P I A - - A",
      "1528": "N P I - - I",
    },
    notes: {
      "1504 round13": { comment: "Alle grunnskulane i Ålesund har brukt Feide sidan skulestart." },
      "1531 may14": { comment: "Feide er teke i bruk i alle skulane, fyrst til nasjonale prøver." },
      "1531 oct14": {
        comment:
          "Då vi bytte elevadministrativt system i august, slutta Feide-innlogginga å verke. Koplinga må byggjast opp att, så vi er tilbake på «under innføring».",
      },
      "1532 round14": { comment: "Feide fungerer godt. Lærarane ønskjer at fleire læremiddel tek i bruk Feide-innlogging." },
      "1529 round14": { comment: "Skodje ventar på nytt skuleadministrativt system før vi koplar på Feide." },
      "1528 round14": { comment: "Ungdomsskulen brukar Feide. Barneskulane kjem etter når brukarkontoane er rydda." },
    },
  },
  // Etablere initiell organisering av eKommune Sunnmøre — completed; every member has been in it since 2010
  4: {
    paths: {
      "1504": "A - - - A -",
      "1532": "A - - - - -",
      "1531": "A - - - - -",
      "1534": "A - - - - -",
      "1529": "A - - - - -",
      "1523": "A - - - - -",
      "1526": "A - - - - -",
      "1546": "A - - - - -",
      "1524": "A - - - - -",
      "1525": "A - - - - -",
      "1528": "A - - - - -",
    },
    notes: {
      "1504 feb13": { comment: "Samarbeidet har vore etablert etter kommunelova § 27 sidan hausten 2010." },
      "1504 oct14": {
        comment:
          "Ålesund er vertskommune for den nye driftsorganisasjonen etter kommunelova § 28 b. Samarbeidsavtalen er underskriven av alle kommunane.",
        decision: "Bystyret sak 112/14",
        evidence: "https://www.alesund.example.no/ekommune/vertskommuneavtale-2014.pdf",
      },
    },
  },
  // Etablere felles overvaking av serverar og nettverksutstyr — «Er klart frå fellespunktet på Bø-Nørve»
  5: {
    paths: {
      "1504": "I A A - - A",
      "1532": "P I A - - -",
      "1531": "P - I A - -",
      "1534": "N - P I - I",
      "1529": "N P I A - A",
      "1523": "N - N P - -",
      "1526": "N - N - - -",
      "1546": "N - N - - N",
      "1524": "N - N P - -",
      "1525": "N - P I - I",
      "1528": "P I I A - A",
    },
    notes: {
      "1504 jun13": { comment: "Serverane og nettverksutstyret i Ålesund blir overvaka frå fellespunktet på Bø-Nørve." },
      "1534 round14": {
        comment: "Brannmurane og svitsjane er med. Serverane blir lagde inn når dei er flytte til fellespunktet.",
      },
      "1546 round14": { comment: "Sandøy ventar med overvakinga til serverane er flytte til fellespunktet." },
    },
  },
  // Etablere felles drift, felles datarom og vaktordning — «Er teknisk klart frå fellespunktet på Bø-Nørve»
  6: {
    paths: {
      "1504": "P P I - A A",
      "1532": "N - P I - -",
      "1531": "N - P I - -",
      "1534": "N - N P - P",
      "1529": "N - P - - P",
      "1523": "N - N - - -",
      "1526": "N - N - - -",
      "1546": "N - N - - N",
      "1524": "N - N P - -",
      "1525": "N - P - - P",
      "1528": "N - P I - I",
    },
    notes: {
      "1504 oct14": {
        comment:
          "Alle serverane til Ålesund står no i det felles datarommet, og vaktordninga har vore i drift sidan 1. september.",
      },
      "1532 may14": {
        comment:
          "Vi har starta flyttinga av serverane til fellespunktet. Fagsystema for helse må flyttast i samråd med leverandøren.",
      },
      "1534 round14": { comment: "Haram har vedteke å gå inn i felles drift frå 2015.", decision: "Kommunestyret sak 72/14" },
      "1528 may14": { comment: "Serverane er flytte. Vi manglar framleis vaktavtale for skulane." },
    },
  },
  // Felles katalogløysing — «Er på plass»
  7: {
    paths: {
      "1504": "I A A - R -",
      "1532": "I A A - R -",
      "1531": "I I A - - -",
      "1534": "P I A - - -",
      "1529": "P I A - - -",
      "1523": "P P A - - -",
      "1526": "P I A - - -",
      "1546": "N I A - - -",
      "1524": "P I I A - -",
      "1525": "I A A R - -",
      "1528": "P I A - - -",
    },
    notes: {
      "1504 jun13": { comment: "Alle tilsette i Ålesund loggar no på via den felles katalogen." },
      "1504 oct14": {
        comment: "Dei lokale katalogserverane er avvikla.",
        benefitText:
          "Brukaradministrasjonen har gått ned frå om lag 900 til 420 timar i året. Vi har sagt opp to serverlisensar og ein supportavtale.",
        benefits: { 0: 480, 1: 150_000 },
      },
      "1532 oct14": {
        benefitText: "Nye tilsette får brukar same dag, og vi brukar om lag 110 timar mindre i året på brukarstøtte.",
        benefits: { 0: 110 },
      },
      "1524 may14": { comment: "Norddal var sist ute fordi vi måtte rydde i gamle brukarkontoar." },
      "1525 may14": {
        comment: "Den lokale katalogserveren vart slått av i mars.",
        benefitText: "Sparte lisens- og driftskostnader er rekna ut frå rekneskapen for 2013.",
        benefits: { 0: 90, 1: 25_000 },
        evidence: "https://www.stranda.example.no/ikt/gevinstrapport-katalog-2014.pdf",
      },
    },
  },
  // Felles portalløysing — «Er sett på vent»; Ørskog and Stordal take no part
  8: {
    paths: {
      "1504": "N - - P N -",
      "1532": "N - - N - -",
      "1531": "N - - P N -",
      "1534": "N - - N - -",
      "1529": "N - - - - -",
      "1546": "N - - N - -",
      "1524": "N - - - - -",
      "1525": "N - - N - -",
      "1528": "N - - N - -",
    },
    notes: {
      "1504 may14": { comment: "Ålesund har sett av midlar til ny portal i budsjettet for 2014." },
      "1504 oct14": {
        comment:
          "Styret i eKommune Sunnmøre sette portalløysinga på vent i september (sak 31/14). Vi har stoppa planlegginga og held fram med dagens nettstad.",
      },
      "1531 may14": { comment: "Sula treng ny nettstad og vil gjerne vere med i ein felles portal." },
      "1531 oct14": {
        comment:
          "Tiltaket er sett på vent av styret. Vi held fram med dagens løysing inntil vidare, men ønskjer at portalen vert prioritert i 2015.",
      },
    },
  },
  // Opne standardar og fri programvare — «Blir vurdert fortløpande»
  9: {
    paths: {
      "1504": "P - I - - I",
      "1532": "N - P I - -",
      "1531": "N - N P - -",
      "1534": "N - P - - I",
      "1529": "N - N - - N",
      "1523": "N - - - - -",
      "1526": "N - - - - -",
      "1546": "N - - - - N",
      "1524": "N - P - - -",
      "1525": "N - P I - I",
      "1528": "P - P I - I",
    },
    notes: {
      "1504 round14": { comment: "Vi vurderer opne standardar ved alle nye anskaffingar. LibreOffice er prøvd ut på to skular." },
      "1534 round14": { comment: "Opne standardar er no eit krav i alle konkurransegrunnlag for IKT." },
    },
  },
};

/**
 * Everyone reported and submitted in time; closed by the secretariat. Reports: the round13 column,
 * taking effect on the round's status date like every report given in a round that the reporter
 * did not date otherwise.
 */
const CLOSED_ROUND = {
  name: "Statusrapportering 2013",
  statusDate: "2013-11-18",
  measures: [1, 2, 3, 5, 6, 7],
  openedAt: "2013-11-18T08:00:00.000Z",
  deadline: "2013-12-13",
  reminderSentAt: "2013-12-10T07:00:00.000Z",
  closedAt: "2014-01-10T12:00:00.000Z",
};

/**
 * Closed by the secretariat without every answer in. Reports: the round14 column, on working hours
 * of the given day after the opening day.
 */
const ROUND_2014 = {
  name: "Statusrapportering 2014",
  /** the status at the end of 2014, so the matrix of 2014 shows what the round reports */
  statusDate: "2014-12-31",
  measures: [1, 2, 3, 5, 6, 9],
  openedOn: "2014-11-17",
  deadline: "2014-12-12",
  reminderSentAt: "2014-12-09T07:00:00.000Z",
  closedAt: "2015-01-16T12:00:00.000Z",
  /**
   * Municipality number → the day after the opening it reported, and its submission. Not listed:
   * reported nothing (Sula, Ørskog, Stordal, Norddal).
   */
  municipalities: {
    "1504": { day: 1, submission: "submitted" }, // Ålesund
    "1534": { day: 2, submission: "returned" }, // Haram
    "1529": { day: 3, submission: "submitted" }, // Skodje
    "1546": { day: 4, submission: "submitted" }, // Sandøy
    "1525": { day: 5, submission: "submitted" }, // Stranda
    "1528": { day: 6, submission: "submitted" }, // Sykkylven
    "1532": { day: 7, submission: null }, // Giske: three of six measures, not submitted
  } as Record<string, { day: number; submission: "submitted" | "returned" | null }>,
  returnComment:
    "Haram har meldt «Planlagt» for sikkerheitsplanen (tiltak 2) utan kommentar og utan endring sidan i mai. Skriv kort kva som står att og når planen skal til politisk handsaming, og send inn på nytt.",
};

function at(isoDate: string, hour: number, minute = 0): string {
  return `${isoDate}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00.000Z`;
}

async function userIdByEmail(db: DB, email: string): Promise<string> {
  return (await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

/** The cooperation's measures by number, each with its participating municipalities' numbers and its benefits' ids. */
async function loadMeasures(
  db: DB,
  cooperationId: string,
  memberNumbers: string[],
): Promise<Map<number, { id: string; participants: Set<string>; benefitIds: string[] }>> {
  const measures = await db
    .selectFrom("measure")
    .select(["id", "number", "all_members"])
    .where("cooperation_id", "=", cooperationId)
    .execute();
  const chosen = await db
    .selectFrom("measure_participant")
    .innerJoin("measure", "measure.id", "measure_participant.measure_id")
    .innerJoin("municipality", "municipality.id", "measure_participant.municipality_id")
    .select(["measure_participant.measure_id", "municipality.number"])
    .where("measure.cooperation_id", "=", cooperationId)
    .execute();
  const benefits = await db
    .selectFrom("measure_benefit")
    .innerJoin("measure", "measure.id", "measure_benefit.measure_id")
    .select(["measure_benefit.id", "measure_benefit.measure_id"])
    .where("measure.cooperation_id", "=", cooperationId)
    .orderBy("measure_benefit.sort_order")
    .execute();
  return new Map(
    measures.map((m) => [
      m.number,
      {
        id: m.id,
        participants: new Set(m.all_members ? memberNumbers : chosen.filter((c) => c.measure_id === m.id).map((c) => c.number)),
        benefitIds: benefits.filter((b) => b.measure_id === m.id).map((b) => b.id),
      },
    ]),
  );
}

export async function seedDemoUptake(db: DB, ids: { ekommuneId: string; knutepunktId: string }): Promise<void> {
  await seedEkommuneUptake(db, ids.ekommuneId);
  await seedCurrentUptake(db, ids.knutepunktId);
}

/** Knutepunkt Sørlandet: one report per participating member, its current state, no history. */
async function seedCurrentUptake(db: DB, cooperationId: string): Promise<void> {
  const members = await membersByNumber(db, cooperationId);
  const measures = await loadMeasures(db, cooperationId, KNUTEPUNKT.members);
  const stamp = "2013-01-15T09:00:00.000Z";
  for (const m of KNUTEPUNKT_MEASURES) {
    const measure = measures.get(m.number)!;
    const rows = KNUTEPUNKT.members
      .map((number, i) => ({ number, status: m.uptake[i] }))
      .filter((r) => measure.participants.has(r.number))
      .map((r) => ({
        id: randomUUID(),
        cooperation_id: cooperationId,
        measure_id: measure.id,
        municipality_id: members.get(r.number)!,
        status: r.status,
        comment: "",
        effective_date: osloDateOf(stamp),
        seq: 1,
        created_at: stamp,
      }));
    if (rows.length) await db.insertInto("uptake_report").values(rows).execute();
  }
}

interface PlannedReport {
  measure: number;
  municipality: string;
  checkpoint: Checkpoint;
  status: UptakeStatus;
  createdAt: string;
  note: Note;
}

/** Turns the stories into reports, refusing any that do not add up to demo-content.ts and the rounds above. */
function planReports(participantsOf: (measure: number) => Set<string>): { reports: PlannedReport[]; problems: string[] } {
  const reports: PlannedReport[] = [];
  const problems: string[] = [];
  for (const m of EKOMMUNE_MEASURES) {
    const story = STORIES[m.number];
    if (!story) {
      problems.push(`measure ${m.number}: no story`);
      continue;
    }
    const participants = participantsOf(m.number);
    const used = new Set<string>();
    for (const number of Object.keys(story.paths)) {
      if (!EKOMMUNE.members.includes(number)) problems.push(`measure ${m.number}: ${number} is not a member`);
    }
    for (const [index, number] of EKOMMUNE.members.entries()) {
      const path = story.paths[number];
      const where = `measure ${m.number}, ${number}`;
      if (!participants.has(number)) {
        if (path && /[^-\s]/.test(path)) problems.push(`${where}: reports, but does not take part`);
        continue;
      }
      const tokens = (path ?? "").split(/\s+/);
      if (tokens.length !== CHECKPOINTS.length) {
        problems.push(`${where}: needs ${CHECKPOINTS.length} columns, has "${path ?? ""}"`);
        continue;
      }
      let previous: UptakeStatus | null = null;
      for (const [c, token] of tokens.entries()) {
        const checkpoint = CHECKPOINTS[c];
        const key = `${number} ${checkpoint}`;
        if (token === "-") {
          if (checkpoint === "round13" && CLOSED_ROUND.measures.includes(m.number)) {
            problems.push(`${where}: everyone reported in ${CLOSED_ROUND.name}`);
          }
          continue;
        }
        const status = UPTAKE_CODES[token];
        if (!status) {
          problems.push(`${where}: unknown status "${token}"`);
          continue;
        }
        const note = story.notes?.[key] ?? {};
        used.add(key);
        if (previous && UPTAKE_SCALE.indexOf(status) < UPTAKE_SCALE.indexOf(previous) && !note.comment) {
          problems.push(`${where} at ${checkpoint}: goes back from ${previous} to ${status} without a comment`);
        }
        if ((note.benefits || note.benefitText) && status !== "realised") {
          problems.push(`${where} at ${checkpoint}: realised benefits on a report that is not realised`);
        }
        let createdAt: string;
        if (checkpoint === "round14") {
          const reporting = ROUND_2014.municipalities[number];
          if (!reporting || !ROUND_2014.measures.includes(m.number)) {
            problems.push(`${where}: reports in ${ROUND_2014.name}, which it should not`);
            continue;
          }
          createdAt = at(addDays(ROUND_2014.openedOn, reporting.day), 7 + m.number, 5 * index);
        } else {
          createdAt = at(addDays(CHECKPOINT_START[checkpoint], index), 7 + m.number, (index * 7) % 60);
        }
        reports.push({ measure: m.number, municipality: number, checkpoint, status, createdAt, note });
        previous = status;
      }
      if (previous === null) problems.push(`${where}: takes part, but never reports`);
      else if (previous !== m.uptake[index])
        problems.push(`${where}: ends at ${previous}, demo-content.ts says ${m.uptake[index]}`);
    }
    for (const key of Object.keys(story.notes ?? {})) {
      if (!used.has(key)) problems.push(`measure ${m.number}: note "${key}" is on no report`);
    }
  }
  // a submitted round is complete: every round measure the municipality takes part in has its round report
  for (const [number, reporting] of Object.entries(ROUND_2014.municipalities)) {
    if (!reporting.submission) continue;
    for (const measure of ROUND_2014.measures) {
      const reported = reports.some((r) => r.measure === measure && r.municipality === number && r.checkpoint === "round14");
      if (participantsOf(measure).has(number) && !reported) {
        problems.push(`${number} submitted ${ROUND_2014.name} without reporting on measure ${measure}`);
      }
    }
  }
  return { reports, problems };
}

async function seedEkommuneUptake(db: DB, cooperationId: string): Promise<void> {
  const members = await membersByNumber(db, cooperationId);
  const measures = await loadMeasures(db, cooperationId, EKOMMUNE.members);
  const secretariat = await userIdByEmail(db, SECRETARIAT);
  const reporterOf = new Map<string, string>();
  for (const [number, email] of Object.entries(OWN_REPORTERS)) reporterOf.set(number, await userIdByEmail(db, email));
  const reporter = (number: string) => reporterOf.get(number) ?? secretariat;

  const openedOn = ROUND_2014.openedOn;
  const { reports, problems } = planReports((n) => measures.get(n)?.participants ?? new Set());
  if (problems.length) throw new Error(`demo uptake does not add up:\n  ${problems.join("\n  ")}`);

  const closedRoundId = randomUUID();
  const round2014Id = randomUUID();
  await db
    .insertInto("reporting_round")
    .values([
      {
        id: closedRoundId,
        cooperation_id: cooperationId,
        name: CLOSED_ROUND.name,
        status_date: CLOSED_ROUND.statusDate,
        deadline: CLOSED_ROUND.deadline,
        reminder_days_before: 3,
        opened_at: CLOSED_ROUND.openedAt,
        closed_at: CLOSED_ROUND.closedAt,
        closed_by: secretariat,
        created_by: secretariat,
        reminder_sent_at: CLOSED_ROUND.reminderSentAt,
      },
      {
        id: round2014Id,
        cooperation_id: cooperationId,
        name: ROUND_2014.name,
        status_date: ROUND_2014.statusDate,
        deadline: ROUND_2014.deadline,
        reminder_days_before: 3,
        opened_at: `${openedOn}T08:00:00.000Z`,
        closed_at: ROUND_2014.closedAt,
        closed_by: secretariat,
        created_by: secretariat,
        reminder_sent_at: ROUND_2014.reminderSentAt,
      },
    ])
    .execute();
  await db
    .insertInto("round_measure")
    .values([
      ...CLOSED_ROUND.measures.map((n) => ({ round_id: closedRoundId, measure_id: measures.get(n)!.id })),
      ...ROUND_2014.measures.map((n) => ({ round_id: round2014Id, measure_id: measures.get(n)!.id })),
    ])
    .execute();

  // seq follows created_at per (measure, municipality); the stories are in time order already
  const seqs = new Map<string, number>();
  const rows: NewUptakeReport[] = [];
  const benefitRows: { report_id: string; benefit_id: string; amount: number }[] = [];
  for (const r of reports) {
    const measure = measures.get(r.measure)!;
    const key = `${r.measure}|${r.municipality}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    const id = randomUUID();
    const roundId =
      r.checkpoint === "round13" && CLOSED_ROUND.measures.includes(r.measure)
        ? closedRoundId
        : r.checkpoint === "round14"
          ? round2014Id
          : null;
    rows.push({
      id,
      cooperation_id: cooperationId,
      measure_id: measure.id,
      municipality_id: members.get(r.municipality)!,
      status: r.status,
      comment: r.note.comment ?? "",
      effective_date:
        roundId === closedRoundId
          ? CLOSED_ROUND.statusDate
          : roundId === round2014Id
            ? ROUND_2014.statusDate
            : osloDateOf(r.createdAt),
      decision_reference: r.note.decision ?? null,
      evidence_url: r.note.evidence ?? null,
      realised_benefit_text: r.note.benefitText ?? null,
      reporter_id: reporter(r.municipality),
      round_id: roundId,
      seq,
      created_at: r.createdAt,
    });
    for (const [index, amount] of Object.entries(r.note.benefits ?? {})) {
      const benefitId = measure.benefitIds[Number(index)];
      if (!benefitId) throw new Error(`demo uptake: measure ${r.measure} has no benefit ${index}`);
      benefitRows.push({ report_id: id, benefit_id: benefitId, amount });
    }
  }
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto("uptake_report")
      .values(rows.slice(i, i + 100))
      .execute();
  if (benefitRows.length) await db.insertInto("uptake_benefit").values(benefitRows).execute();

  const submissions = [
    // the closed round: everyone, the afternoon of the day they reported
    ...EKOMMUNE.members.map((number, index) => ({
      id: randomUUID(),
      cooperation_id: cooperationId,
      round_id: closedRoundId,
      municipality_id: members.get(number)!,
      submitted_at: at(addDays(CHECKPOINT_START.round13, index), 16, 30),
      submitted_by: reporter(number),
      returned_at: null,
      returned_by: null,
      return_comment: null,
    })),
    // the 2014 round: the afternoon of the day they reported; Haram's returned by the secretariat the next morning
    ...Object.entries(ROUND_2014.municipalities)
      .filter(([, reporting]) => reporting.submission)
      .map(([number, reporting]) => {
        const returned = reporting.submission === "returned";
        return {
          id: randomUUID(),
          cooperation_id: cooperationId,
          round_id: round2014Id,
          municipality_id: members.get(number)!,
          submitted_at: at(addDays(openedOn, reporting.day), 16, 30),
          submitted_by: reporter(number),
          returned_at: returned ? at(addDays(openedOn, reporting.day + 1), 9, 15) : null,
          returned_by: returned ? secretariat : null,
          return_comment: returned ? ROUND_2014.returnComment : null,
        };
      }),
  ];
  await db.insertInto("round_submission").values(submissions).execute();
}
