#!/usr/bin/env node
// Bounce classification accuracy on the labelled corpora.
//
//   node tools/bench/accuracy.mjs [--cli PATH] [--corpus DIR] [--source NAME] [--quiet]
//
// Runs the native CLI (build/bin/mailverdict by default, or $MAILVERDICT_CLI)
// on every labelled sample of ../shared/corpus/sisimai-set-of-emails and
// ../shared/corpus/perl-Mail-DeliveryStatus-BounceParser (or
// $MAILVERDICT_CORPUS), maps each upstream label to the categories we accept
// through tests/accuracy/reason_map.tsv, and prints accuracy per source and
// per reason with every miss listed. Exit status 0 unless the tool fails;
// with --min-sisimai N, 1 when sisimai's accuracy is below N percent.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const cli = opt('--cli', process.env.MAILVERDICT_CLI || join(root, 'build', 'bin', 'mailverdict'));
const corpus = opt('--corpus', process.env.MAILVERDICT_CORPUS || resolve(root, '..', 'shared', 'corpus'));
const only = opt('--source', '');
const quiet = args.includes('--quiet');
const minSisimai = Number(opt('--min-sisimai', '0'));

if (!existsSync(cli)) {
  console.error(`accuracy: no CLI at ${cli}; build it first (cmake --build --preset release)`);
  process.exit(2);
}
if (!existsSync(corpus)) {
  console.error(`accuracy: no corpus at ${corpus}; set MAILVERDICT_CORPUS`);
  process.exit(2);
}

// ---- the mapping table ---------------------------------------------------
const map = new Map();  // "source\treason" -> { accept: Set, why }
for (const line of readFileSync(join(root, 'tests', 'accuracy', 'reason_map.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#') || line.startsWith('source\t')) continue;
  const [source, reason, accept, why = ''] = line.split('\t');
  map.set(`${source}\t${reason}`, { accept: new Set(accept.split(' ')), why });
}

// ---- the written-up misses (tests/accuracy/MISSES.md) ---------------------
// Each "- SAMPLE · label · ours · why" line names a miss read by hand; a miss
// without one is flagged so that it gets examined.
const writtenUp = new Set();
const missesDoc = join(root, 'tests', 'accuracy', 'MISSES.md');
if (existsSync(missesDoc)) {
  for (const line of readFileSync(missesDoc, 'utf8').split('\n')) {
    const m = /^- (\S+) · /.exec(line);
    if (m) writtenUp.add(m[1].replace(/\.(eml|msg)$/, ''));
  }
}
const isWrittenUp = (file) => writtenUp.has(file.replace(/^maildir-bsd\//, '').replace(/\.(eml|msg)$/, ''));

// ---- the labelled samples ------------------------------------------------
function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const cells = [];
    let cur = '', quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
        else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { cells.push(cur); cur = ''; }
      else cur += c;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

const sources = [
  { name: 'sisimai', dir: 'sisimai-set-of-emails' },
  { name: 'bounceparser', dir: 'perl-Mail-DeliveryStatus-BounceParser' },
].filter((s) => !only || s.name === only);

function analyzeAll(files) {
  const out = new Map();
  for (let i = 0; i < files.length; i += 40) {
    const batch = files.slice(i, i + 40);
    const stdout = execFileSync(cli, ['--json', ...batch, ...(batch.length === 1 ? [batch[0]] : [])], {
      maxBuffer: 256 * 1024 * 1024,
    }).toString();
    for (const line of stdout.split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line);
      out.set(r.file, r);
    }
  }
  return out;
}

// input.kind values other than "bounce" (labels of notices that are not bounces).
const KINDS = new Set(['headers', 'message', 'empty', 'not_email', 'delay_notice', 'delivery_notice',
  'auto_reply', 'feedback_report', 'dmarc_report', 'challenge_response']);
let sisimaiAccuracy = 100;
for (const src of sources) {
  const dir = join(corpus, src.dir);
  const rows = parseCsv(readFileSync(join(dir, 'expected_labels.csv'), 'utf8'));
  const files = rows.map((r) => join(dir, r[0]));
  const reports = analyzeAll(files);
  const perReason = new Map();
  const misses = [];
  let right = 0, scored = 0, unscored = 0, unscoredRight = 0;
  for (const [file, label] of rows) {
    const r = reports.get(join(dir, file));
    const labels = label.split('|');
    const entry = map.get(`${src.name}\t${labels[0]}`);
    const got = r?.bounce?.category ?? r?.input?.kind ?? '(none)';
    const kind = r?.input?.kind ?? '(none)';
    if (!entry) {
      misses.push({ file, label, got, why: 'no mapping for this label' });
      scored++;
      continue;
    }
    // "*": the label says nothing; only being read as a bounce is checked.
    if (entry.accept.has('*')) {
      unscored++;
      if (kind === 'bounce') unscoredRight++;
      else misses.push({ file, label, got: kind, why: 'not read as a bounce', unscored: true });
      continue;
    }
    // "code_only" in a row's accept list: any category that the report
    // says was not read from the server's words but from the status code
    // alone (bounce.by_text false, confidence "possible").
    const codeOnly = r?.bounce != null && r.bounce.by_text === false && r.bounce.confidence === 'possible';
    const accepts = (lab, value) => {
      const e = map.get(`${src.name}\t${lab}`);
      return e ? e.accept.has(value) || (e.accept.has('code_only') && codeOnly && value === r.bounce.category) : false;
    };
    const isKindLabel = [...entry.accept].every((a) => KINDS.has(a));
    let ok;
    if (isKindLabel) {
      ok = entry.accept.has(kind) && kind !== 'bounce';
    } else {
      // A delay notice still carries the reason in bounce.category.
      ok = (kind === 'bounce' || kind === 'delay_notice') && r.bounce != null && accepts(labels[0], r.bounce.category);
      // Several recipients: every one right, position by position.
      const rc = r?.bounce?.recipients ?? [];
      if (!ok && labels.length > 1 && rc.length === labels.length) {
        ok = labels.every((lab, k) => accepts(lab, rc[k].category));
      }
    }
    scored++;
    if (ok) right++;
    const key = labels[0];
    const s = perReason.get(key) ?? { right: 0, total: 0 };
    s.total++;
    if (ok) s.right++;
    perReason.set(key, s);
    if (!ok) misses.push({ file, label, got: r?.bounce ? got : `kind=${kind}`, diag: r?.bounce?.diagnostic ?? '' });
  }
  const pct = scored ? (100 * right) / scored : 0;
  if (src.name === 'sisimai') sisimaiAccuracy = pct;
  console.log(`\n== ${src.name} (${src.dir}): ${right}/${scored} = ${pct.toFixed(1)}%` +
    (unscored ? `; ${unscoredRight}/${unscored} unlabelled bounces read as bounces` : ''));
  console.log('per reason:');
  for (const [reason, s] of [...perReason].sort((a, b) => b[1].total - a[1].total)) {
    console.log(`  ${reason.padEnd(18)} ${String(s.right).padStart(3)}/${String(s.total).padEnd(3)} ${(100 * s.right / s.total).toFixed(0)}%`);
  }
  const unexamined = misses.filter((m) => !isWrittenUp(m.file));
  if (misses.length) {
    console.log(`misses: ${misses.length}, written up in tests/accuracy/MISSES.md: ` +
      `${misses.length - unexamined.length}` +
      (unexamined.length ? `, NOT written up: ${unexamined.length}` : ''));
  }
  if (!quiet && misses.length) {
    console.log(`misses (${misses.length}):`);
    for (const m of misses) {
      console.log(`  ${m.file}  want ${m.label}  got ${m.got}${m.why ? `  (${m.why})` : ''}` +
        (isWrittenUp(m.file) ? '' : '  [not written up]'));
      if (m.diag) console.log(`      ${m.diag.slice(0, 220)}`);
    }
  }
}
if (minSisimai && sisimaiAccuracy < minSisimai) process.exit(1);
