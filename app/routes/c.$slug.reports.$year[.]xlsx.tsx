import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportDownload } from "../report/download.server";

export const loader = (args: LoaderFunctionArgs) => reportDownload(args, "xlsx");
