/** Where the read API lives; its version is part of every address, so a v2 can sit beside it. */
export const API_PREFIX = "/api/v1";

export const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");
