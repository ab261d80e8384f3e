import type { LoaderFunctionArgs } from "@remix-run/node";
import { cooperationCatalogFile } from "../open-data/downloads.server";

export const loader = (args: LoaderFunctionArgs) => cooperationCatalogFile(args, "ttl");
