import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { safeRedirectTarget } from "../cooperation/guards.server";
import { db } from "../db.server";
import { isLanguage } from "../i18n/config";
import { languageCookie, saveUserLanguage } from "../cooperation/language.server";
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
  if (context.user) await saveUserLanguage(db(), context.user, lang);
  return redirect(back, { headers: { "Set-Cookie": await languageCookie.serialize(lang) } });
}
