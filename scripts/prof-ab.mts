import { readFileSync } from "node:fs";

// usage: npx tsx scripts/prof-ab.mts variantA variantB ...  (files app/report/export/_v_<name>.tsx)
const names = process.argv.slice(2);
const doc = JSON.parse(readFileSync("/tmp/prof-doc.json", "utf8"));
const mods = await Promise.all(names.map((n) => import(`../app/report/export/_v_${n}.tsx`)));
const rounds = Number(process.env.ROUNDS ?? 6);
const wall: number[][] = names.map(() => []);
const cpu: number[][] = names.map(() => []);
const sizes: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < names.length; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const pdf: Buffer = await mods[i].renderReportPdf(doc);
    const c = process.cpuUsage(c0);
    sizes[i] = pdf.length;
    if (r === 0) continue; // JIT warm-up
    wall[i].push(performance.now() - t0);
    cpu[i].push((c.user + c.system) / 1000);
  }
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const min = (a: number[]) => Math.min(...a);
names.forEach((n, i) =>
  console.log(`${n.padEnd(14)} wall med ${med(wall[i]).toFixed(0)} min ${min(wall[i]).toFixed(0)} | cpu med ${med(cpu[i]).toFixed(0)} min ${min(cpu[i]).toFixed(0)} | bytes ${sizes[i]}`)
);
