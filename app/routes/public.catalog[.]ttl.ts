import type { LoaderFunctionArgs } from "@remix-run/node";
import { installationCatalogFile } from "../open-data/downloads.server";

export const loader = ({ request }: LoaderFunctionArgs) => installationCatalogFile(request, "ttl");
