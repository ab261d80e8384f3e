import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrations } from "../../db/migrations";

/**
 * The migrations installations have run, by the start of their SHA-256. A released migration is
 * never edited: an installation that ran it will not run it again, so an edit would leave its
 * schema different from a new one's. A new migration is added here when it lands.
 */
const RELEASED_MIGRATIONS: Record<string, string> = {
  "2026-11-22T1700-initial": "dd97c8705feb120b",
  "2026-11-22T1710-append-only-audit": "f004ebd97f6e1c3d",
  "2026-11-22T1800-strategy": "abbed9b2a970c0a1",
  "2026-11-22T1900-plan-frozen": "7cc16f140c20a2dd",
  "2026-11-22T2000-uptake-rounds": "121614ce870e6aba",
  "2026-11-22T2100-overview-report": "9411811f7367b37c",
  "2026-11-22T2200-change-stamp": "8416dd70c9ad7df2",
  "2026-12-02T1800-plan-input-round": "cc705bcb9377cfbc",
  "2026-12-02T1900-round-status-date": "1cd7fb84e66ad90a",
  "2026-12-02T2000-frozen-pdf": "f8e8f26f91dfde46",
  "2026-12-03T1300-publication-details": "38a8dc63b25cfc23",
  "2026-12-07T2300-succession": "21d57a0a45157e43",
};

const MIGRATIONS_DIR = path.join("db", "migrations");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(tsx?|mts|css|js)$/.test(name) || name === "run" ? [file] : [];
  });
}

describe("released migrations", () => {
  it("are byte for byte what installations ran, and every migration is released or new", () => {
    const changed = Object.entries(RELEASED_MIGRATIONS).filter(([name, digest]) => {
      const text = readFileSync(path.join(MIGRATIONS_DIR, `${name}.ts`));
      return createHash("sha256").update(text).digest("hex").slice(0, 16) !== digest;
    });
    expect(changed.map(([name]) => name)).toEqual([]);
    const released = Object.keys(RELEASED_MIGRATIONS);
    expect(Object.keys(migrations).slice(0, released.length)).toEqual(released);
  });
});

/** An issue number, or a document outside the repository, that a comment leans on. */
const OUTSIDE_REFERENCE = /\bissues? #?\d+\b|\bPRODUCT\.md\b|\bSTACK\.md\b|\bDEVELOPERS\.md\b|\.\.\/shared\//i;

describe("comments say the rule itself", () => {
  it("no code points to an issue number or a document outside the repository", () => {
    const released = new Set(Object.keys(RELEASED_MIGRATIONS).map((name) => path.join(MIGRATIONS_DIR, `${name}.ts`)));
    const offenders = ["app", "db", "shared-schema", "seeds", "scripts", "tests", ".ci"]
      .flatMap(sourceFiles)
      .concat(["server.ts", "remix.config.js", "vitest.config.ts"])
      // frozen: a released migration keeps the words it was released with
      .filter((file) => !released.has(file) && file !== path.join("tests", "unit", "tree-rules.test.ts"))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) => (OUTSIDE_REFERENCE.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
