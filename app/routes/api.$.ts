import { unknownApiLoader } from "../api/handler.server";

// under /api, an unknown address is problem details too, not the site's 404 page
export const loader = unknownApiLoader;
