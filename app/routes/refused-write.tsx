import type { LoaderFunctionArgs } from "@remix-run/node";
import { crossOriginRefused, notFound } from "../cooperation/guards.server";

// server.ts hands a write from another site here as a GET, so no action runs and the refusal
// renders inside the root layout (the reader's language and header); asked for directly, it is
// a URL like any unknown one.
export async function loader({ context }: LoaderFunctionArgs) {
  throw context.writeRefused ? crossOriginRefused() : notFound();
}

export default function RefusedWrite() {
  return null;
}
