import { apiLoader } from "../api/handler.server";
import { ENDPOINTS } from "../api/endpoints.server";

export const loader = apiLoader(ENDPOINTS.measures);
