import type { DB } from "../../db/connect";
import { env } from "../env.server";
import type { BackgroundJob } from "../jobs/background.server";
import { deliverDueMail, mailTransportFromEnv } from "./delivery.server";

/** The background job that works through the mail queue, configured from the environment. */
export function mailDeliveryJob(db: DB): BackgroundJob {
  const transport = mailTransportFromEnv();
  const retrySeconds = env().MAIL_RETRY_SECONDS;
  return {
    name: "mail-delivery",
    run: async (now) => {
      await deliverDueMail(db, { transport, now, retrySeconds });
    },
  };
}
