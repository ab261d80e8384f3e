import type { LoaderFunctionArgs } from "@remix-run/node";
import { datasetFile } from "../open-data/downloads.server";

export const loader = (args: LoaderFunctionArgs) => datasetFile(args);
