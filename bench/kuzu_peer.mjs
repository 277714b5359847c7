// Times Kuzu (npm kuzu 0.11.3, embedded) on the query-language benchmark of issue 12: loads a hallyu/1 file
// with COPY FROM CSV (tests/fixtures/cypher/kuzu_load.mjs) and runs the six queries of bench/kuzu_queries.json,
// one JSON line per operation on stdout, in bench/peers.py's shape ({"tool", "op", "median_ms", "runs",
// "check"}), so that compare.sh can set them beside hallyu's lines and compare the "check" answers.
//
// Usage: node bench/kuzu_peer.mjs DATA.json PAIRS.txt [--repeat 5] [--load-repeat N] [--ops load,q-lookup,...]
//                                 [--db DIR] [--threads N] [--pairs-count 200] [--seed 7]
//   PAIRS.txt holds "FROM_ID TO_ID" lines (bench/prepare.py writes PREFIX.pairs); when the file does not
//   exist, --pairs-count pairs are drawn from the entities with a seeded generator and written there, so
//   hallyu can run the same ones.
//   Each query runs once per parameter set per round; median_ms is the median over all those runs (one
//   sample per execution, as peers.py times each path); total_ms is the median time of a whole round.
//   The database is in memory unless --db DIR (a new directory) is given; --load-repeat defaults to
//   --repeat (each load into a fresh database). Kuzu uses all cores unless --threads.
// Kuzu is found as kuzu_load.mjs says (normal resolution, else $KUZU_PREFIX, default /tmp/kuzu).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openKuzu, loadHallyu, allRows } from '../tests/fixtures/cypher/kuzu_load.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opts = { repeat: 5, 'load-repeat': null, ops: 'load,q-lookup,q-one-hop,q-co-stars,q-top10,q-shortest,q-expand',
  db: null, threads: null, 'pairs-count': 200, seed: 7 };
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i].startsWith('--')) {
    const key = args[i].slice(2);
    if (!(key in opts)) {
      console.error(`kuzu_peer: unknown option ${args[i]}`);
      process.exit(2);
    }
    opts[key] = args[++i];
  } else positional.push(args[i]);
}
if (positional.length !== 2) {
  console.error('usage: node bench/kuzu_peer.mjs DATA.json PAIRS.txt [--repeat 5] [--load-repeat N] [--ops ...] [--db DIR] [--threads N]');
  process.exit(2);
}
const [dataFile, pairsFile] = positional;
const repeat = Number(opts.repeat);
const loadRepeat = opts['load-repeat'] === null ? repeat : Number(opts['load-repeat']);
const ops = new Set(opts.ops.split(','));
const spec = JSON.parse(fs.readFileSync(path.join(here, 'kuzu_queries.json'), 'utf8'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const report = (op, samples, check, extra = {}) => {
  console.log(JSON.stringify({ tool: 'kuzu', op, median_ms: median(samples), runs: samples.length, check: String(check), ...extra }));
};

// mulberry32: a small seeded generator, so the pairs do not depend on the JavaScript engine.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const doc = JSON.parse(fs.readFileSync(dataFile, 'utf8').replace(/^\uFEFF/, ''));
if (!fs.existsSync(pairsFile)) {
  const ids = doc.entities.map((e) => e.id);
  const rand = generator(Number(opts.seed));
  const lines = [];
  for (let i = 0; i < Number(opts['pairs-count']); i++) {
    const s = Math.floor(rand() * ids.length);
    let t = Math.floor(rand() * (ids.length - 1));
    if (t >= s) t++;
    lines.push(`${ids[s]} ${ids[t]}\n`);
  }
  fs.writeFileSync(pairsFile, lines.join(''));
  console.error(`kuzu_peer: wrote ${lines.length} pairs to ${pairsFile} (seed ${opts.seed})`);
}
const pairs = fs.readFileSync(pairsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.trim().split(/\s+/));

const kuzu = openKuzu();
let db = null;
let conn = null;
const loadSamples = [];
const parts = [];
for (let round = 0; round < Math.max(1, ops.has('load') ? loadRepeat : 1); round++) {
  if (conn) await conn.close();
  if (db) await db.close();
  let dir = ':memory:';
  if (opts.db) {
    dir = path.join(opts.db, `round-${round}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dir), { recursive: true });
  }
  db = new kuzu.Database(dir);
  conn = opts.threads ? new kuzu.Connection(db, Number(opts.threads)) : new kuzu.Connection(db);
  const csv = fs.mkdtempSync(path.join(os.tmpdir(), 'hallyu-kuzu-bench-'));
  const out = await loadHallyu(conn, doc, csv, { verify: false });
  fs.rmSync(csv, { recursive: true, force: true });
  // The load is the DDL and the COPY statements; writing the CSV files is reported apart.
  loadSamples.push((out.times_ms.ddl + out.times_ms.copy) / 1000);
  parts.push(out.times_ms);
}
if (ops.has('load')) {
  report('load', loadSamples.map((s) => s * 1000), '', {
    csv_write_ms: median(parts.map((p) => p.csv)), entities: doc.entities.length, relations: doc.relations.length,
  });
}

const paramSets = {
  names: spec.params.ids.map((id) => {
    const e = doc.entities.find((x) => x.id === id);
    if (!e) throw new Error(`${id} is not in ${dataFile}`);
    return { name: e.name };
  }),
  ids: spec.params.ids.map((id) => ({ id })),
  none: [{}],
  pairs: pairs.map(([from, to]) => ({ from, to })),
};
for (const q of spec.queries) {
  if (!ops.has(q.op)) continue;
  const ps = await conn.prepare(q.kuzu || q.query);
  if (!ps.isSuccess()) throw new Error(`${q.op}: ${ps.getErrorMessage()}`);
  const sets = paramSets[q.params];
  const samples = [];
  const totals = [];
  let answers = null;
  for (let round = 0; round < repeat; round++) {
    const roundAnswers = [];
    const start = performance.now();
    for (const p of sets) {
      const t0 = performance.now();
      const res = await conn.execute(ps, p);
      const { rows } = await allRows(res);
      samples.push(performance.now() - t0);
      roundAnswers.push(rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v))));
    }
    totals.push(performance.now() - start);
    answers = roundAnswers;
  }
  let check;
  switch (q.op) {
    case 'q-lookup': check = answers.reduce((n, rows) => n + rows.length, 0); break;
    case 'q-one-hop':
    case 'q-co-stars': check = answers.reduce((n, rows) => n + rows[0][0], 0); break;
    case 'q-top10': check = answers[0].map(([d, c]) => `${d}:${c}`).join(' '); break;
    case 'q-shortest': check = answers.reduce((n, rows) => n + (rows.length ? rows[0][0] : -1), 0); break;
    case 'q-expand': check = `${answers.reduce((n, rows) => n + rows[0][0], 0)}/${answers.reduce((n, rows) => n + rows[0][1], 0)}`; break;
    default: check = JSON.stringify(answers);
  }
  report(q.op, samples, check, { total_ms: median(totals), executions: sets.length });
}
await conn.close();
await db.close();
