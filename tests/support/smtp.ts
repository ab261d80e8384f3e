/*
 * A real SMTP server on 127.0.0.1 for the mail tests (smtp-server, no TLS, no auth). It keeps
 * every message it accepts, parsed, and can be told to refuse recipients (RCPT) or messages
 * (DATA) with a given reply, to test retries.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";

export interface ReceivedMail {
  /** RCPT TO addresses */
  recipients: string[];
  mailFrom: string;
  parsed: ParsedMail;
}

export type Refusal = { stage: "rcpt" | "data"; code: number; message: string } | null;

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** how many RCPT or DATA commands were refused */
  refusals: number;
  refuse(refusal: Refusal): void;
  /** accept everything again and forget what was received and refused */
  reset(): void;
  close(): Promise<void>;
}

function smtpError(refusal: NonNullable<Refusal>): SMTPServerError {
  const error: SMTPServerError = new Error(refusal.message);
  error.responseCode = refusal.code;
  return error;
}

export async function startSmtpServer(refusal: Refusal = null): Promise<TestSmtpServer> {
  let current = refusal;
  const received: ReceivedMail[] = [];
  const state = { refusals: 0 };
  const server = new SMTPServer({
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1_000,
    onRcptTo(_address, _session, callback) {
      if (current?.stage !== "rcpt") return callback();
      state.refusals++;
      callback(smtpError(current));
    },
    onData(stream, session, callback) {
      // the message must be read to the end before the reply, whatever the reply is
      simpleParser(stream).then(
        (parsed) => {
          if (current?.stage === "data") {
            state.refusals++;
            return callback(smtpError(current));
          }
          received.push({
            recipients: session.envelope.rcptTo.map((r) => r.address),
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            parsed,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const listening = server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    listening.once("listening", () => resolve());
    listening.once("error", reject);
  });
  const { port } = listening.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get refusals() {
      return state.refusals;
    },
    refuse(next) {
      current = next;
    },
    reset() {
      current = null;
      received.length = 0;
      state.refusals = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
