import { openApiLoader } from "../api/handler.server";

export const loader = openApiLoader;
