#!/usr/bin/env node
// Builds the fuzzers' seed corpora from real mail: tests/fixtures and the
// shared corpus (MAILVERDICT_CORPUS, default ../shared/corpus).
//
//   node tools/fuzz/seeds.mjs OUTDIR
//
// Writes OUTDIR/whole/ (each input file, as is) and OUTDIR/field-<name>/ (the
// unfolded value of every field of that name found at the start of a line
// anywhere in a file, so headers returned inside bounces count too). Strings
// inside .json/.jsonl files are read as texts of their own. Files are named
// by content hash, so re-running only adds. OUTDIR/records/ holds the DMARC and
// SPF records found anywhere (zone files, test suites, messages).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: seeds.mjs OUTDIR');
  process.exit(2);
}
const corpus = process.env.MAILVERDICT_CORPUS || resolve(root, '..', 'shared', 'corpus');
const FIELDS = ['authentication-results', 'arc-authentication-results', 'received', 'date', 'from', 'to',
  'cc', 'reply-to', 'sender', 'return-path', 'subject', 'content-type', 'dkim-signature',
  'arc-seal', 'arc-message-signature', 'received-spf', 'x-forefront-antispam-report',
  'x-microsoft-antispam', 'x-spam-status', 'final-recipient', 'diagnostic-code', 'status', 'x-received',
  'resent-date', 'content-disposition'];
const SKIP = new Set(['.csv', '.md', '.dat', '.dns', '.yml', '.xml']);
const MAX_WHOLE = 256 * 1024;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) yield* walk(p);
    else if (st.isFile()) yield p;
  }
}

function* texts(file) {
  const ext = extname(file).toLowerCase();
  if (SKIP.has(ext) || /^(LICENSE|COPYING|copyright)/.test(basename(file))) return;
  if (basename(file) === 'expected.json') return;
  const buf = readFileSync(file);
  if (ext === '.json' || ext === '.jsonl') {
    const values = [];
    const visit = (v) => {
      if (typeof v === 'string') values.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(visit);
    };
    for (const line of ext === '.jsonl' ? buf.toString('utf8').split('\n') : [buf.toString('utf8')]) {
      try { visit(JSON.parse(line)); } catch { /* not JSON: skip */ }
    }
    for (const s of values) if (s.length > 20) yield Buffer.from(s, 'utf8');
    return;
  }
  yield buf;
}

const seen = new Set();
function save(set, data) {
  const h = createHash('sha1').update(data).digest('hex');
  const key = `${set}/${h}`;
  if (seen.has(key)) return;
  seen.add(key);
  const dir = join(out, set);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, h), data);
}

// Field values found at line starts, unfolded (RFC 5322 §2.2.3).
function fields(buf) {
  const text = buf.toString('latin1');
  const lines = text.split(/\r\n|\r|\n/);
  const found = [];
  let cur = null;
  for (const line of lines) {
    if (cur && /^[ \t]/.test(line)) {
      cur.value += line;
      continue;
    }
    cur = null;
    const m = /^\s*([!-9;-~]+)\s*:(.*)$/.exec(line);
    if (m && FIELDS.includes(m[1].toLowerCase())) {
      cur = { name: m[1].toLowerCase(), value: m[2] };
      found.push(cur);
    }
  }
  return found;
}

// DMARC and SPF records (TXT data in zone files, test suites, messages).
function records(buf) {
  const text = buf.toString('latin1');
  return [...text.matchAll(/v=(?:DMARC1|spf1)\b[^"\r\n]*/gi)].map((m) => m[0].trim());
}

let files = 0;
for (const base of [join(root, 'tests', 'fixtures'), corpus]) {
  if (!existsSync(base)) continue;
  for (const file of walk(base)) {
    for (const r of records(readFileSync(file))) save('records', Buffer.from(r, 'latin1'));
    for (const data of texts(file)) {
      files++;
      save('whole', data.subarray(0, MAX_WHOLE));
      for (const f of fields(data)) save(`field-${f.name}`, Buffer.from(f.value.trim(), 'latin1'));
    }
  }
}
const counts = {};
for (const k of seen) counts[k.split('/')[0]] = (counts[k.split('/')[0]] || 0) + 1;
console.log(`seeds: ${files} texts read; ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
