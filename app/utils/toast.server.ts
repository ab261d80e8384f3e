import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { env, secureCookies } from "../env.server";
import type { TextKey } from "../i18n/config";

export type ToastKind = "success" | "info" | "error";
/** `key` is a translation key, so the toast reads in the language of the page that shows it. */
export interface Toast {
  kind: ToastKind;
  key: TextKey;
  /** interpolation values for the text, e.g. a count */
  values?: Record<string, string | number>;
}

const storage = createCookieSessionStorage({
  cookie: {
    name: "fl_toast",
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: secureCookies(),
    secrets: [env().SESSION_SECRET],
  },
});

export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}): Promise<Response> {
  const session = await storage.getSession();
  session.flash("toast", toast);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await storage.commitSession(session));
  return redirect(url, { ...init, headers });
}

/** Reads and clears the pending toast; the returned header must go out with the response. */
export async function takeToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const toast = (session.get("toast") as Toast | undefined) ?? null;
  if (!toast) return { toast: null, setCookie: null };
  return { toast, setCookie: await storage.commitSession(session) };
}
