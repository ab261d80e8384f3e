import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "../audit/audit.server";
import { safeRedirectTarget } from "../cooperation/guards.server";
import { db } from "../db.server";
import { isLanguage } from "../i18n/config";
import { languageCookie } from "../cooperation/language.server";
import { transact } from "../utils/concurrency.server";
import { readForm } from "../utils/form.server";

export async function loader(_: LoaderFunctionArgs) {
  return redirect("/");
}

/** Saves the chosen language: on the account when signed in (it follows the user), and in a cookie. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  const back = safeRedirectTarget(form.get("redirectTo"));
  if (!isLanguage(lang)) return redirect(back);
  const user = context.user;
  if (user && user.language !== lang) {
    await transact(db(), async (trx) => {
      await trx.updateTable("app_user").set({ language: lang }).where("id", "=", user.id).execute();
      await recordAudit(trx, {
        cooperationId: null,
        actorId: user.id,
        action: "user.language_changed",
        entityType: "user",
        entityId: user.id,
        before: { language: user.language },
        after: { language: lang },
      });
    });
  }
  return redirect(back, { headers: { "Set-Cookie": await languageCookie.serialize(lang) } });
}
