import type { DB } from "../db/connect";
import { storedCooperationId } from "../app/cooperation/scope.server";
import { createReport, findReport, publishReport, saveNarrative } from "../app/report/report.server";

/*
 * The annual status report for 2013, published by the secretariat (eKommune Sunnmøre ch. 1.4:
 * "Status for måloppnåing … skal kome fram av årlege rapportar"). 2014 is left for the
 * secretariat to write; the later years' published reports are written in ./later-demo.
 * Nynorsk, as the cooperation writes.
 */
const NARRATIVE_2013 = {
  summary:
    "2013 var det første året med den nye IKT-strategien. Infrastrukturen mellom kommunane er på plass i dei fleste kommunane, og felles katalogløysing er teken i bruk overalt. Felles drift og overvaking kjem seinare enn planlagt.",
  plan: "Handlingsplanen for 2013 vart godkjend av rådmannsutvalet. Sju av ni tiltak er i gang; portalprosjektet er utsett til 2014.",
  matrix: "Innføringa er ujamn: dei større kommunane har kome lengst, medan Sandøy og Stordal ventar på betre samband.",
  costs: "Kostnadene er fordelte etter nøklane i samarbeidsavtalen. Investeringane i infrastruktur dominerer.",
  benefits: "Dei første målte gevinstane gjeld brukaradministrasjon etter felles katalog.",
};

type Narrative = typeof NARRATIVE_2013;

/** A year's annual report, written and published by the secretariat at `now`. */
export async function seedPublishedReport(
  db: DB,
  {
    secretariatId,
    cooperationId: id,
    year,
    narrative,
    now,
  }: { secretariatId: string; cooperationId: string; year: number; narrative: Narrative; now: Date },
) {
  const cooperationId = storedCooperationId(id);
  await createReport(db, { cooperationId, userId: secretariatId, year });
  const draft = (await findReport(db, { cooperationId, year }))!;
  await saveNarrative(db, { cooperationId, userId: secretariatId, year, version: draft.version, narrative });
  await publishReport(db, { cooperationId, userId: secretariatId, year, version: draft.version + 1, now });
}

export async function seedReportDemo(db: DB, scope: { secretariatId: string; cooperationId: string }) {
  await seedPublishedReport(db, { ...scope, year: 2013, narrative: NARRATIVE_2013, now: new Date("2014-02-14T10:00:00Z") });
}
