import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { logout } from "../auth/auth.server";
import { db } from "../db.server";
import { redirectWithToast } from "../utils/toast.server";

// GET must not end a session (a link or prefetch could do it); the header's button posts here.
export async function loader(_: LoaderFunctionArgs) {
  return redirect("/");
}

export async function action({ context }: ActionFunctionArgs) {
  const cookie = await logout(db(), context.sessionToken);
  return redirectWithToast("/login", { kind: "info", key: "common:login.loggedOut" }, { headers: { "Set-Cookie": cookie } });
}
