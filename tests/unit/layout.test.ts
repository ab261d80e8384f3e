import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * The folders under app/ depend on each other in one direction only (README.md, "Where things
 * live"): a folder never imports, directly or through others, a folder that imports it. Type-only
 * and dynamic imports count as well, since they tie the folders together just the same.
 */

const ROOT = resolve(__dirname, "../..");
const APP = join(ROOT, "app");

type Edges = Map<string, Map<string, string[]>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The top-level folder under app/ a path lies in; none for app/'s own files and anything outside. */
function folderOf(path: string): string | null {
  const parts = relative(APP, path).split(/[\\/]/);
  return parts.length > 1 && parts[0] !== ".." ? parts[0] : null;
}

function importTarget(file: string, specifier: string): string | null {
  if (specifier.startsWith("~/")) return join(APP, specifier.slice(2));
  if (specifier.startsWith(".")) return resolve(dirname(file), specifier);
  return null;
}

/** Folder → folder it imports → the imports that make it so ("app/x/a.ts imports ../y/b"). */
function folderEdges(files: string[]): Edges {
  const edges: Edges = new Map();
  for (const file of files) {
    const from = folderOf(file);
    if (!from) continue;
    for (const { fileName } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      const target = importTarget(file, fileName);
      const to = target && folderOf(target);
      if (!to || to === from) continue;
      const byTarget = edges.get(from) ?? new Map<string, string[]>();
      byTarget.set(to, [...(byTarget.get(to) ?? []), `${repoPath(file)} imports ${fileName}`]);
      edges.set(from, byTarget);
    }
  }
  return edges;
}

/** A shortest path of folders from `start` to `goal`, or null. */
function pathBetween(edges: Edges, start: string, goal: string): string[] | null {
  const cameFrom = new Map<string, string>([[start, start]]);
  const queue = [start];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === goal) {
      const path = [goal];
      while (path[0] !== start) path.unshift(cameFrom.get(path[0])!);
      return path;
    }
    for (const next of edges.get(at)?.keys() ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

/** Every folder import that closes a cycle, spelt out with the first import of each step. */
function cycles(edges: Edges): string[] {
  const found: string[] = [];
  for (const [from, targets] of edges) {
    for (const to of targets.keys()) {
      const back = pathBetween(edges, to, from);
      if (!back) continue;
      const loop = [from, ...back];
      const steps = loop.slice(1).map((folder, i) => `  ${loop[i]} → ${folder}: ${edges.get(loop[i])!.get(folder)![0]}`);
      found.push(`${loop.join(" → ")}\n${steps.join("\n")}`);
    }
  }
  return found;
}

const repoPath = (file: string) => relative(ROOT, file).split("\\").join("/");

describe("folder layout of app/", () => {
  it("has no import cycle between folders", () => {
    expect(cycles(folderEdges(sourceFiles(APP)))).toEqual([]);
  });

  it("finds a cycle that runs through several folders", () => {
    const edges: Edges = new Map([
      ["a", new Map([["b", ["a.ts imports b"]]])],
      ["b", new Map([["c", ["b.ts imports c"]]])],
      ["c", new Map([["a", ["c.ts imports a"]]])],
    ]);
    expect(cycles(edges)).toHaveLength(3);
    expect(cycles(edges)[0]).toContain("a → b → c → a");
  });
});
