import type { LoaderFunctionArgs } from "@remix-run/node";
import { robotsResponse } from "../publication/robots.server";
import { originOf } from "../utils/origin.server";

export const loader = ({ request }: LoaderFunctionArgs) => robotsResponse(request, originOf(request));
