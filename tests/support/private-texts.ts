import type { DB } from "../../db/connect";

/**
 * What must never be public: every user's name and address, and every text staff wrote for each
 * other — comments, assessments, status notes, mails, narratives of unpublished reports — except
 * the comments a published annual report quotes (published with it). Short texts are left out,
 * as they could appear anywhere by chance.
 */
export async function privateTexts(db: DB): Promise<string[]> {
  const users = await db.selectFrom("app_user").select(["name", "email"]).execute();
  // what a published report holds (its figures and its narrative) was published with it
  const published = await db
    .selectFrom("annual_report")
    .select(["figures", "narrative"])
    .where("published_at", "is not", null)
    .execute();
  const publishedText = published.map((r) => `${r.figures ?? ""}\n${r.narrative}`).join("\n");
  const quoted = { has: (text: string) => publishedText.includes(JSON.stringify(text).slice(1, -1)) };
  const drafts = await db.selectFrom("annual_report").select("narrative").where("published_at", "is", null).execute();
  const texts = [
    ...(await db.selectFrom("comment").select("body as text").execute()),
    ...(await db.selectFrom("uptake_report").select("comment as text").execute()),
    ...(await db.selectFrom("uptake_report").select("realised_benefit_text as text").execute()),
    ...(await db.selectFrom("goal_evaluation").select("assessment as text").execute()),
    ...(await db.selectFrom("measure").select("status_text as text").execute()),
    ...(await db.selectFrom("round_submission").select("return_comment as text").execute()),
    ...(await db.selectFrom("mail_message").select("body_text as text").execute()),
  ]
    .map((r) => r.text)
    .filter((text): text is string => typeof text === "string" && text.trim().length >= 12 && !quoted.has(text));
  const narratives = drafts.flatMap((d) => Object.values(JSON.parse(d.narrative) as Record<string, string>));
  return [
    ...users.flatMap((u) => [u.name, u.email]),
    ...texts.map((t) => t.trim().split("\n")[0]),
    ...narratives.filter((n) => n.trim().length >= 12).map((n) => n.trim().split("\n")[0]),
  ];
}
