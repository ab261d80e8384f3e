import { randomUUID } from "node:crypto";
import type { DB } from "../db/connect";

/*
 * Yearly evaluations (årleg evaluering) of the adopted eKommune Sunnmøre strategy 2013–2016, in
 * nynorsk as the cooperation writes. Goals are matched by the start of their text.
 */
export const EKOMMUNE_EVALUATIONS: { goal: string; year: number; assessment: string }[] = [
  {
    goal: "Auke talet på digitale tenester",
    year: 2013,
    assessment:
      "Felles skjemaløysing er kjøpt inn, og dei fyrste elektroniske skjema er lagde ut i fire kommunar. Talet på digitale tenester aukar, men frå eit lågt nivå.",
  },
  {
    goal: "Auke talet på digitale tenester",
    year: 2014,
    assessment:
      "Alle kommunane har no felles skjemaløysing. Om lag 40 skjema er publiserte, dei fleste innan oppvekst og byggesak. Målet er i rute.",
  },
  {
    goal: "Samordne arbeidet med å etablere tilfredsstillande informasjonssikkerheit",
    year: 2013,
    assessment:
      "Arbeidet med felles strategi- og sikkerheitsplan er starta. Det manglar framleis ei felles risikovurdering, og ressursane i kommunane er små.",
  },
  {
    goal: "Samordne arbeidet med å etablere tilfredsstillande informasjonssikkerheit",
    year: 2014,
    assessment:
      "Felles sikkerheitsplan er vedteken av styret, og eit nettverk for informasjonssikkerheit møtest kvar månad. Opplæring av leiarar står att.",
  },
  {
    goal: "Ta i bruk elektronisk meldingsutveksling",
    year: 2014,
    assessment:
      "Ni av elleve kommunar er kopla til Norsk Helsenett og sender pleie- og omsorgsmeldingar elektronisk. Dei to siste kjem i gang våren 2015.",
  },
  {
    goal: "Auke IKT-kompetansen",
    year: 2014,
    assessment:
      "Leiarsamlinga om gevinstrealisering samla 60 deltakarar. Praktisk opplæring for tilsette er ujamn mellom kommunane og må prioriterast i 2015.",
  },
];

export async function seedStrategyExtras(db: DB, cooperationId: string, authorEmail: string): Promise<void> {
  const author = await db.selectFrom("app_user").select("id").where("email", "=", authorEmail).executeTakeFirstOrThrow();
  const strategy = await db
    .selectFrom("strategy")
    .select("id")
    .where("cooperation_id", "=", cooperationId)
    .where("status", "=", "adopted")
    .executeTakeFirstOrThrow();
  const goals = await db
    .selectFrom("goal")
    .innerJoin("focus_area", "focus_area.id", "goal.focus_area_id")
    .select(["goal.id", "goal.text"])
    .where("focus_area.strategy_id", "=", strategy.id)
    .execute();
  for (const e of EKOMMUNE_EVALUATIONS) {
    const goal = goals.find((g) => g.text.startsWith(e.goal));
    if (!goal) throw new Error(`demo evaluation: no goal starting with "${e.goal}"`);
    await db
      .insertInto("goal_evaluation")
      .values({
        id: randomUUID(),
        cooperation_id: cooperationId,
        goal_id: goal.id,
        year: e.year,
        assessment: e.assessment,
        author_id: author.id,
        created_at: `${e.year + 1}-01-20T09:00:00.000Z`,
      })
      .execute();
  }
}
