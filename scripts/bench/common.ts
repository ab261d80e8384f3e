/*
 * Shared by scripts/bench/generate.ts and scripts/bench/run.ts: where the bench data lives, the
 * manifest the generator leaves for the runner, and a small seeded PRNG so every run generates
 * the very same rows (only the password hash differs: Argon2 salts it at random).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** data/ is gitignored; BENCH_DIR moves the files elsewhere (e.g. a tmpfs). */
export function benchDir(): string {
  return path.resolve(REPO_ROOT, process.env.BENCH_DIR ?? "data/bench");
}

export function manifestPath(): string {
  return path.join(benchDir(), "manifest.json");
}

export const DATASET_NAMES = ["large", "stress", "national"] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Every bench user has this password (bench data only). */
export const BENCH_PASSWORD = "fellesloft-bench";

export interface DatasetCounts {
  cooperations: number;
  /** distinct member municipalities */
  municipalities: number;
  memberships: number;
  measures: number;
  participants: number;
  reports: number;
  realisedBenefits: number;
  rounds: number;
  submissions: number;
  planItems: number;
  users: number;
}

export interface DatasetManifest {
  name: DatasetName;
  /** SQLite file, absolute */
  file: string;
  /** the year the matrix and the report are measured for */
  year: number;
  /** the cooperation the runner measures, and who signs in to it */
  slug: string;
  secretariat: string;
  viewer: string;
  counts: DatasetCounts;
  generatedMs: number;
  /** where the generation time went */
  phases: string;
}

export interface Manifest {
  format: 1;
  password: string;
  datasets: Partial<Record<DatasetName, DatasetManifest>>;
}

/** sfc32 seeded from a string: fast, good enough, identical on every machine. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    let h = 1779033703 ^ seed.length;
    const next = () => {
      for (let i = 0; i < seed.length; i++) {
        h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
        h = (h << 13) | (h >>> 19);
      }
      h = Math.imul(h ^ (h >>> 16), 2246822507);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      return (h ^= h >>> 16) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 15; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** picks by weight: [[value, weight], …] */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      if ((r -= w) < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items, in their original order */
  sample<T>(items: readonly T[], count: number): T[] {
    const indexes = this.shuffle(items.map((_, i) => i)).slice(0, count);
    return indexes.sort((x, y) => x - y).map((i) => items[i]!);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** a version-4-shaped UUID from this stream */
  uuid(): string {
    const hex = [this.uint32(), this.uint32(), this.uint32(), this.uint32()].map((n) => n.toString(16).padStart(8, "0")).join("");
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
