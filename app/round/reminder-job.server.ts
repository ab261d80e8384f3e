import type { DB } from "../../db/connect";
import type { BackgroundJob } from "../jobs/background.server";
import { sendDueReminders } from "./round.server";

/** The background job that sends each open round's automatic reminder on its day. */
export function roundReminderJob(db: DB): BackgroundJob {
  return {
    name: "round-reminders",
    run: async (now) => {
      await sendDueReminders(db, now);
    },
  };
}
