import type { LoaderFunctionArgs } from "@remix-run/node";
import { robotsResponse } from "../publication/robots.server";
import { requestOrigin } from "../utils/origin.server";

export const loader = ({ request }: LoaderFunctionArgs) => robotsResponse(request, requestOrigin(request));
