import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportPdfDownload } from "../report/download.server";

export const loader = (args: LoaderFunctionArgs) => reportPdfDownload(args);
