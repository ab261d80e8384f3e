/*
 * Sessions. lucia v3 is confined to this module (docs/decisions/002-sessions-with-lucia.md):
 * lucia issues and validates the session; this module adds what lucia v3 does not do itself —
 * the token is stored only as its SHA-256 hash (the adapter below hashes every id it is given),
 * a sliding 30-minute idle timeout to the minute, and a 12-hour absolute lifetime.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { DB } from "../../db/connect";
import type { Language, SessionTable, UserTable } from "../../db/schema";
import { secureCookies } from "../env.server";
import { burnPasswordCheck, verifyPassword } from "./password.server";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Extending the session costs a write; doing it at most once a minute keeps the idle timeout exact to the minute. */
const EXTEND_GRANULARITY_MS = 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  language: Language | null;
}

interface DatabaseUserAttributes {
  email: string;
  name: string;
  is_platform_admin: number;
  language: Language | null;
}
interface DatabaseSessionAttributes {
  created_at: number;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: DatabaseUserAttributes;
    DatabaseSessionAttributes: DatabaseSessionAttributes;
  }
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

class KyselySessionAdapter implements Adapter {
  constructor(private readonly db: DB) {}

  async getSessionAndUser(token: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    // SQL rather than Kysely's builder: this runs on every request, and building and compiling the
    // query anew each time cost more than running it (decision 013)
    const {
      rows: [row],
    } = await sql<{
      expires_at: SessionTable["expires_at"];
      session_created_at: SessionTable["created_at"];
      user_id: string;
      email: string;
      name: string;
      is_platform_admin: UserTable["is_platform_admin"];
      language: Language | null;
      disabled_at: string | null;
    }>`
      select user_session.expires_at, user_session.created_at as session_created_at, app_user.id as user_id,
        app_user.email, app_user.name, app_user.is_platform_admin, app_user.language, app_user.disabled_at
      from user_session join app_user on app_user.id = user_session.user_id
      where user_session.id = ${hashToken(token)}`.execute(this.db);
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: token,
      userId: row.user_id,
      expiresAt: new Date(Number(row.expires_at)),
      attributes: { created_at: Number(row.session_created_at) },
    };
    // A disabled account has no user: lucia then deletes the session.
    if (row.disabled_at) return [session, null];
    const user: DatabaseUser = {
      id: row.user_id,
      attributes: {
        email: row.email,
        name: row.name,
        is_platform_admin: row.is_platform_admin,
        language: row.language,
      },
    };
    return [session, user];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    // Only hashes are stored, so the tokens cannot be handed back; lucia's callers of this
    // (listing sessions) are not used in Fellesløft.
    const rows = await this.db.selectFrom("user_session").selectAll().where("user_id", "=", userId).execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      expiresAt: new Date(Number(r.expires_at)),
      attributes: { created_at: Number(r.created_at) },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db
      .insertInto("user_session")
      .values({
        id: hashToken(session.id),
        user_id: session.userId,
        expires_at: session.expiresAt.getTime(),
        created_at: session.attributes.created_at,
      })
      .execute();
  }

  async updateSessionExpiration(token: string, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable("user_session")
      .set({ expires_at: expiresAt.getTime() })
      .where("id", "=", hashToken(token))
      .execute();
  }

  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom("user_session").where("id", "=", hashToken(token)).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom("user_session").where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom("user_session").where("expires_at", "<=", Date.now()).execute();
  }
}

function createLucia(db: DB) {
  const secure = secureCookies();
  return new Lucia(new KyselySessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(IDLE_TIMEOUT_MS / 1000, "s"),
    sessionCookie: {
      // __Host- binds the cookie to this exact origin (no Domain, Path=/, Secure).
      name: secure ? "__Host-fellesloft_session" : "fellesloft_session",
      attributes: { secure, sameSite: "lax", path: "/" },
    },
    getUserAttributes: (a): Omit<SessionUser, "id"> => ({
      email: a.email,
      name: a.name,
      isPlatformAdmin: a.is_platform_admin === 1,
      language: a.language,
    }),
    getSessionAttributes: (a) => ({ createdAt: a.created_at }),
  });
}

const instances = new WeakMap<DB, ReturnType<typeof createLucia>>();
function lucia(db: DB) {
  let instance = instances.get(db);
  if (!instance) {
    instance = createLucia(db);
    instances.set(db, instance);
  }
  return instance;
}

export interface AuthState {
  user: SessionUser | null;
  sessionToken: string | null;
  /** a Set-Cookie value to send with the response (refreshed or cleared session), if any */
  setCookie: string | null;
}

/** Reads the session cookie of a request and validates it, sliding the idle timeout. */
export async function authenticate(db: DB, cookieHeader: string | null | undefined): Promise<AuthState> {
  const l = lucia(db);
  const token = l.readSessionCookie(cookieHeader ?? "");
  if (!token) return { user: null, sessionToken: null, setCookie: null };

  const { session, user } = await l.validateSession(token);
  if (!session || !user) {
    return { user: null, sessionToken: null, setCookie: l.createBlankSessionCookie().serialize() };
  }
  const now = Date.now();
  const absoluteEnd = session.createdAt + ABSOLUTE_LIFETIME_MS;
  if (now >= absoluteEnd) {
    await l.invalidateSession(token);
    return { user: null, sessionToken: null, setCookie: l.createBlankSessionCookie().serialize() };
  }
  const wanted = Math.min(now + IDLE_TIMEOUT_MS, absoluteEnd);
  let setCookie: string | null = null;
  if (session.fresh || wanted - session.expiresAt.getTime() >= EXTEND_GRANULARITY_MS) {
    await db.updateTable("user_session").set({ expires_at: wanted }).where("id", "=", hashToken(token)).execute();
    setCookie = l.createSessionCookie(token).serialize();
  }
  return { user: { ...user }, sessionToken: token, setCookie };
}

export type LoginResult = { ok: true; user: SessionUser; setCookie: string } | { ok: false };

/**
 * Checks e-mail and password and starts a new session (a fresh token on every login, so a
 * token planted before login is worthless). The previous session of this browser is ended.
 */
export async function login(
  db: DB,
  input: { email: string; password: string; previousToken?: string | null },
): Promise<LoginResult> {
  const row = await db
    .selectFrom("app_user")
    .select(["id", "password_hash", "disabled_at"])
    .where("email", "=", input.email.trim().toLowerCase())
    .executeTakeFirst();
  if (!row) {
    await burnPasswordCheck(input.password);
    return { ok: false };
  }
  const valid = await verifyPassword(row.password_hash, input.password);
  if (!valid || row.disabled_at) return { ok: false };

  const l = lucia(db);
  if (input.previousToken) await l.invalidateSession(input.previousToken);
  const session = await l.createSession(row.id, { created_at: Date.now() });
  const { user } = await l.validateSession(session.id);
  if (!user) return { ok: false };
  return { ok: true, user: { ...user }, setCookie: l.createSessionCookie(session.id).serialize() };
}

/** Ends the session on the server and returns the cookie that clears it in the browser. */
export async function logout(db: DB, token: string | null): Promise<string> {
  const l = lucia(db);
  if (token) await l.invalidateSession(token);
  return l.createBlankSessionCookie().serialize();
}

/** Disabling an account ends every session it has, at once. */
export async function endAllSessions(db: DB, userId: string): Promise<void> {
  await lucia(db).invalidateUserSessions(userId);
}

export function sessionCookieName(db: DB): string {
  return lucia(db).sessionCookieName;
}
