import { writeFileSync } from "node:fs";
import { connect } from "../db/connect";
import { reportDocument } from "../app/report/report.server";
import { reportPdf, stopPdfWorkers } from "../app/report/export/pdf.server";

const db = connect("data/bench/large.sqlite");
const coop = await db.selectFrom("cooperation").select("id").where("slug", "=", "bench-large").executeTakeFirstOrThrow();
const doc = await reportDocument(db, { cooperationId: coop.id, year: 2024, language: "nb" });
if (!doc) throw new Error("no report");
writeFileSync("/tmp/prof-doc.json", JSON.stringify(doc));
const runs = Number(process.env.RUNS ?? 6);
const times: number[] = [];
let last: Buffer | undefined;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  last = await reportPdf(doc);
  times.push(performance.now() - t0);
}
writeFileSync("/tmp/prof-out.pdf", last!);
const warm = times.slice(1).sort((a, b) => a - b);
console.log("cold", times[0].toFixed(0), "warm", warm.map((t) => t.toFixed(0)).join(" "), "median", warm[Math.floor(warm.length / 2)].toFixed(0), "bytes", last!.length);
await stopPdfWorkers();
await db.destroy();
