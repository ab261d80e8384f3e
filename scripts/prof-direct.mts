import { readFileSync, writeFileSync } from "node:fs";
import { renderReportPdf } from "../app/report/export/pdf-document.server";

const doc = JSON.parse(readFileSync("/tmp/prof-doc.json", "utf8"));
const runs = Number(process.env.RUNS ?? 5);
const wall: number[] = [];
const cpu: number[] = [];
let pdf: Buffer | undefined;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  pdf = await renderReportPdf(doc);
  const c = process.cpuUsage(c0);
  wall.push(performance.now() - t0);
  cpu.push((c.user + c.system) / 1000);
}
writeFileSync(process.env.OUT ?? "/tmp/direct.pdf", pdf!);
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)].toFixed(0);
console.log(`first wall ${wall[0].toFixed(0)} cpu ${cpu[0].toFixed(0)} | warm wall ${med(wall.slice(1))} cpu ${med(cpu.slice(1))} [${wall.slice(1).map((w) => w.toFixed(0)).join(" ")}] bytes ${pdf!.length}`);
