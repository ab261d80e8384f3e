import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicReportDownload } from "../publication/report-download.server";

export const loader = (args: LoaderFunctionArgs) => publicReportDownload(args, "pdf");
