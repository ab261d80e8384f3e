import { useRouteLoaderData } from "@remix-run/react";
import type { Language } from "../../db/schema";
import type { loader as rootLoader } from "../root";
import { DEFAULT_LANGUAGE } from "./config";

export function useLanguage(): Language {
  return useRouteLoaderData<typeof rootLoader>("root")?.lang ?? DEFAULT_LANGUAGE;
}
