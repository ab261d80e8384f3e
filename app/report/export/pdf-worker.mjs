/*
 * The PDF worker thread's entry, in plain JavaScript so that Node starts it without a TypeScript
 * loader (the Remix bundle and `tsx server.ts` alike). It registers tsx for this thread — tsx's
 * `--import tsx` entry registers on the main thread only — and loads the TypeScript worker.
 */
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../../tsconfig.json", import.meta.url)) });
await import("./pdf-worker.server.ts");
