import type { Migration } from "kysely/migration";
import * as initial from "./2026-11-22T1700-initial";
import * as appendOnlyAudit from "./2026-11-22T1710-append-only-audit";
import * as strategy from "./2026-11-22T1800-strategy";
import * as planFrozen from "./2026-11-22T1900-plan-frozen";
import * as uptakeRounds from "./2026-11-22T2000-uptake-rounds";
import * as overviewReport from "./2026-11-22T2100-overview-report";
import * as changeStamp from "./2026-11-22T2200-change-stamp";
import * as planInputRound from "./2026-12-02T1800-plan-input-round";
import * as roundStatusDate from "./2026-12-02T1900-round-status-date";
import * as frozenPdf from "./2026-12-02T2000-frozen-pdf";
import * as publicationDetails from "./2026-12-03T1300-publication-details";
import * as succession from "./2026-12-07T2300-succession";

// Listed statically so the bundled server and the scripts run the very same migrations without
// reading TypeScript files from disk at run time. Keys sort in the order they must run.
export const migrations: Record<string, Migration> = {
  "2026-11-22T1700-initial": initial,
  "2026-11-22T1710-append-only-audit": appendOnlyAudit,
  "2026-11-22T1800-strategy": strategy,
  "2026-11-22T1900-plan-frozen": planFrozen,
  "2026-11-22T2000-uptake-rounds": uptakeRounds,
  "2026-11-22T2100-overview-report": overviewReport,
  "2026-11-22T2200-change-stamp": changeStamp,
  "2026-12-02T1800-plan-input-round": planInputRound,
  "2026-12-02T1900-round-status-date": roundStatusDate,
  "2026-12-02T2000-frozen-pdf": frozenPdf,
  "2026-12-03T1300-publication-details": publicationDetails,
  "2026-12-07T2300-succession": succession,
};
