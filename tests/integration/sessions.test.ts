import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DB } from "../../db/connect";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, authenticate, hashToken, login, logout } from "../../app/auth/auth.server";
import { createUser, disableUser } from "../../app/cooperation/admin.server";
import { testDatabases } from "../support/databases";

const MINUTE = 60_000;
const START = new Date("2026-03-02T08:00:00Z");

function cookieOf(setCookie: string): string {
  return setCookie.split(";")[0];
}

describe.each(testDatabases())("sessions on $name", (database) => {
  let db: DB;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await database.open());
    await createUser(db, { email: "kari@kommune.example", name: "Kari", password: "korrekt-hest-batteri" });
  });
  afterAll(async () => {
    await close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function signIn(previousToken?: string | null) {
    const result = await login(db, { email: "Kari@Kommune.example ", password: "korrekt-hest-batteri", previousToken });
    if (!result.ok) throw new Error("login failed");
    return result;
  }

  it("logs in with the right password only, and stores the token only as its hash", async () => {
    expect((await login(db, { email: "kari@kommune.example", password: "feil" })).ok).toBe(false);
    expect((await login(db, { email: "ukjend@kommune.example", password: "feil" })).ok).toBe(false);
    const result = await signIn();
    const token = cookieOf(result.setCookie).split("=")[1];
    expect(token.length).toBeGreaterThanOrEqual(24);
    const stored = await db.selectFrom("user_session").select("id").execute();
    expect(stored.map((s) => s.id)).toContain(hashToken(token));
    expect(stored.map((s) => s.id)).not.toContain(token);
    expect((await authenticate(db, cookieOf(result.setCookie))).user?.email).toBe("kari@kommune.example");
  });

  it("ends a session after 30 minutes without activity, and not before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(START);
    const cookie = cookieOf((await signIn()).setCookie);
    vi.setSystemTime(new Date(START.getTime() + IDLE_TIMEOUT_MS - MINUTE));
    expect((await authenticate(db, cookie)).user).not.toBeNull();
    // activity slid the window: another 29 minutes are fine
    vi.setSystemTime(new Date(START.getTime() + 2 * IDLE_TIMEOUT_MS - 3 * MINUTE));
    expect((await authenticate(db, cookie)).user).not.toBeNull();
    // 31 idle minutes are not
    vi.setSystemTime(new Date(START.getTime() + 3 * IDLE_TIMEOUT_MS - 2 * MINUTE));
    const expired = await authenticate(db, cookie);
    expect(expired.user).toBeNull();
    expect(expired.setCookie).toMatch(/Max-Age=0/);
  });

  it("ends a session 12 hours after login however active it is", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(START);
    const cookie = cookieOf((await signIn()).setCookie);
    let t = START.getTime();
    while (t + 20 * MINUTE < START.getTime() + ABSOLUTE_LIFETIME_MS) {
      t += 20 * MINUTE;
      vi.setSystemTime(new Date(t));
      expect((await authenticate(db, cookie)).user).not.toBeNull();
    }
    vi.setSystemTime(new Date(START.getTime() + ABSOLUTE_LIFETIME_MS));
    expect((await authenticate(db, cookie)).user).toBeNull();
  });

  it("issues a new token on every login and ends the previous one (rotation)", async () => {
    const first = cookieOf((await signIn()).setCookie);
    const firstToken = first.split("=")[1];
    const second = cookieOf((await signIn(firstToken)).setCookie);
    expect(second).not.toBe(first);
    expect((await authenticate(db, first)).user).toBeNull();
    expect((await authenticate(db, second)).user).not.toBeNull();
  });

  it("ends the session on the server at logout", async () => {
    const cookie = cookieOf((await signIn()).setCookie);
    const token = cookie.split("=")[1];
    const cleared = await logout(db, token);
    expect(cleared).toMatch(/Max-Age=0/);
    expect((await authenticate(db, cookie)).user).toBeNull();
    const left = await db.selectFrom("user_session").select("id").where("id", "=", hashToken(token)).execute();
    expect(left).toHaveLength(0);
  });

  it("ends every session of an account that is disabled, and refuses its logins", async () => {
    await createUser(db, { email: "per@kommune.example", name: "Per", password: "korrekt-hest-batteri" });
    const a = await login(db, { email: "per@kommune.example", password: "korrekt-hest-batteri" });
    const b = await login(db, { email: "per@kommune.example", password: "korrekt-hest-batteri" });
    if (!a.ok || !b.ok) throw new Error("login failed");
    await disableUser(db, { email: "per@kommune.example" });
    expect((await authenticate(db, cookieOf(a.setCookie))).user).toBeNull();
    expect((await authenticate(db, cookieOf(b.setCookie))).user).toBeNull();
    expect((await login(db, { email: "per@kommune.example", password: "korrekt-hest-batteri" })).ok).toBe(false);
  });

  it("ignores a forged or unknown token", async () => {
    expect((await authenticate(db, "fellesloft_session=abcdefghijklmnopqrstuvwxyz234567")).user).toBeNull();
    expect((await authenticate(db, "")).user).toBeNull();
  });
});
