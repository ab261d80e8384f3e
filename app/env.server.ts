import { randomBytes } from "node:crypto";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** a SQLite file path, or postgres://… */
  DATABASE_URL: z.string().min(1).default("data/fellesloft.sqlite"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** the public origin, e.g. https://fellesloft.example.no; derived from the request when unset */
  APP_ORIGIN: z.url().optional(),
  /** Secure + __Host- session cookie; on by default in production */
  SESSION_COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  /** signs the flash-message cookie; a random one per process when unset (flash messages live seconds) */
  SESSION_SECRET: z
    .string()
    .min(16)
    .default(() => randomBytes(32).toString("hex")),
  /** Express "trust proxy": set when running behind a reverse proxy so the client address is right */
  TRUST_PROXY: z.string().optional(),
  /*
   * Failed logins per 15 minutes before 429 (successful ones never count). Tight for one account
   * from one address, so a stranger cannot lock the owner out from elsewhere; loose for one
   * address over all accounts, as a town hall's staff share one NAT address; loose for one
   * account over all addresses (guessing from many), sparing those it signed in from lately.
   */
  LOGIN_FAILURES_PER_ACCOUNT_AND_IP: z.coerce.number().int().positive().default(10),
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().positive().default(100),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(50),
  /**
   * Requests to the read API (/api/v1) per minute from one client address before 429. A page
   * that reads the API makes a few; a harvester pages through lists, and revalidating costs a 304.
   */
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /** smtp://host:port or smtps://user:pass@host; without it mail is kept in the outbox the secretariat reads */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url({ protocol: /^smtps?$/, error: "an smtp:// or smtps:// URL" }).optional(),
  ),
  MAIL_FROM: z.string().min(3).default("Fellesløft <ikkje-svar@fellesloft.example>"),
  /** seconds to wait before retry 2, 3, …; after the last one a message is given up as failed */
  MAIL_RETRY_SECONDS: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "a comma-separated list of seconds, e.g. 60,300,1800")
    .default("60,300,1800,7200")
    .transform((list) => list.split(",").map((s) => Number(s.trim()))),
  /*
   * Who runs this installation, for the catalogue of every cooperation's open data: the
   * organisation's number in Enhetsregisteret and a shared address. Without both that catalogue
   * is not offered; each cooperation's own catalogue takes its details from its settings.
   */
  OPERATOR_NAME: z.string().min(1).default("Fellesløft"),
  OPERATOR_ORGANISATION_NUMBER: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{9}$/).optional()),
  OPERATOR_CONTACT_EMAIL: z.preprocess((v) => (v === "" ? undefined : v), z.email().optional()),
  /** worker processes serving HTTP; by default one per core in production, one in development */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** how often the background jobs (mail delivery, reminders) run */
  JOB_INTERVAL_MS: z.coerce.number().int().min(10).default(30_000),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Validated once; a bad variable stops the server at start with a message naming it. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export function secureCookies(): boolean {
  const e = env();
  return e.SESSION_COOKIE_SECURE ? e.SESSION_COOKIE_SECURE === "true" : e.NODE_ENV === "production";
}
