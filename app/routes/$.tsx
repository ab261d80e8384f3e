import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../cooperation/guards.server";

// A URL no route matches still renders inside the root layout, so the 404 page has the user's
// language and header like every other page.
export async function loader(_: LoaderFunctionArgs) {
  throw notFound();
}

export default function NotFound() {
  return null;
}
