import type { DB } from "../../db/connect";
import { storedCooperationId } from "../cooperation/scope.server";
import type { BackgroundJob } from "../jobs/background.server";
import { osloToday } from "@shared-schema/dates";
import { carryThroughDue } from "./succession.server";

/**
 * A change of the map the secretariat has not carried through by the end of its day carries
 * itself through: the register is the fact, and views after the date must show the successors.
 */
export function successionJob(db: DB): BackgroundJob {
  return {
    name: "succession",
    run: async (now) => {
      const today = osloToday(now);
      const cooperations = await db.selectFrom("cooperation").select("id").execute();
      // one cooperation that cannot be carried through must not hold up the others
      for (const { id } of cooperations) {
        try {
          await carryThroughDue(db, { cooperationId: storedCooperationId(id), before: today, actorId: null, today, now });
        } catch (error) {
          console.error(`[job succession] cooperation ${id}:`, error instanceof Error ? (error.stack ?? error.message) : error);
        }
      }
    },
  };
}
