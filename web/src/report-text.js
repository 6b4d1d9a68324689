// The report as Markdown (for a ticket) and as plain text (for an email).
// Rendering only: every word comes from the report.
import { statusOf, arr, present, alignedWords } from './words.js';
import { isConfirm } from './render-fixes.js';

function code(text) {
  const s = String(text ?? '');
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${s.includes('`') ? ' ' : ''}${s}${s.includes('`') ? ' ' : ''}${fence}`;
}

const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function authRows(a) {
  const rows = [];
  if (!a) return rows;
  rows.push(['SPF (MAIL FROM)', a.spf?.domain ?? 'not shown', a.spf?.result ?? 'unknown', alignedWords(a.spf?.aligned).text]);
  for (const d of arr(a.dkim)) {
    rows.push([`DKIM (d=)`, `${d?.domain ?? ''}${present(d?.selector) ? ` s=${d.selector}` : ''}`, d?.result ?? 'unknown',
      alignedWords(d?.aligned).text]);
  }
  const policy = [present(a.dmarc?.policy) ? `policy ${a.dmarc.policy}` : null,
    present(a.dmarc?.action) ? `action ${a.dmarc.action}` : null].filter(Boolean).join(', ');
  rows.push(['DMARC', policy || '', a.dmarc?.result ?? 'unknown', '']);
  return rows;
}

function sections(report) {
  const status = statusOf(report);
  const fixes = arr(report?.fixes).filter((f) => !isConfirm(f));
  const confirm = arr(report?.fixes).find(isConfirm);
  return { status, fixes, confirm };
}

export function toMarkdown(report) {
  const { status, fixes, confirm } = sections(report);
  const out = [`## ${status.icon} ${status.mark}: ${report?.verdict?.headline ?? ''}`, ''];
  if (present(report?.verdict?.summary)) out.push(report.verdict.summary, '');
  const b = report?.bounce;
  if (b) {
    out.push('### The bounce', '');
    for (const [k, label] of [['reply_code', 'Reply code'], ['status', 'Enhanced status'], ['category', 'Category'],
      ['provider', 'Rejected by'], ['recipient', 'Recipient']]) {
      const v = k === 'provider' && present(b.provider_name) ? b.provider_name : b[k];
      if (present(v)) out.push(`- ${label}: ${code(v)}`);
    }
    if (present(b.diagnostic)) out.push('', '```', b.diagnostic, '```');
    out.push('');
  }
  if (arr(report?.causes).length) {
    out.push('### Why', '');
    for (const c of arr(report.causes)) {
      out.push(`- **${c?.confidence ?? ''}** ${c?.explanation ?? ''}`);
      for (const e of arr(c?.evidence)) out.push(`  - ${code(`${e?.header}: ${e?.text}`)}`);
    }
    out.push('');
  }
  if (fixes.length) {
    out.push('### How to fix it', '');
    fixes.forEach((f, i) => {
      out.push(`${i + 1}. **${f?.title ?? ''}**`);
      for (const s of arr(f?.steps)) out.push(`   - ${s}`);
    });
    out.push('');
  }
  if (confirm) {
    out.push(`### ${confirm.title || 'How to confirm it is fixed'}`, '');
    arr(confirm.steps).forEach((s, i) => out.push(`${i + 1}. ${s}`));
    out.push('');
  }
  const a = report?.authentication;
  if (a) {
    out.push('### Authentication', '', `From: domain ${code(a.from_domain ?? 'not found')}` +
      (present(a.authserv_id) ? `; results trusted from ${code(a.authserv_id)}` : ''), '',
    '| Check | Domain | Result | Aligned with From: |', '|---|---|---|---|');
    for (const r of authRows(a)) out.push(`| ${r.map(cell).join(' | ')} |`);
    out.push('');
  }
  const hops = arr(report?.hops);
  if (hops.length) {
    out.push('### Route', '');
    hops.forEach((hop, i) => out.push(`${i + 1}. ${hop?.from ?? hop?.helo ?? '?'} → ${hop?.by ?? '?'}` +
      (present(hop?.delay_text) ? ` (${hop.delay_text})` : '') + (hop?.tls === false ? ' **no TLS**' : '')));
    if (present(report?.route?.total_delay_text)) out.push('', `Total: ${report.route.total_delay_text}`);
    out.push('');
  }
  const warnings = arr(report?.input?.warnings);
  if (warnings.length) {
    out.push('### Notes on the input', '');
    for (const w of warnings) out.push(`- ${w?.message ?? ''}`);
    out.push('');
  }
  out.push('_Analyzed with mailverdict, in the browser._');
  return out.join('\n') + '\n';
}

export function toPlainText(report) {
  const { status, fixes, confirm } = sections(report);
  const out = [`${status.mark}: ${report?.verdict?.headline ?? ''}`];
  if (present(report?.verdict?.summary)) out.push('', report.verdict.summary);
  const b = report?.bounce;
  if (b && present(b.diagnostic)) out.push('', 'The server said:', `  ${b.diagnostic}`);
  if (arr(report?.causes).length) {
    out.push('', 'Why');
    for (const c of arr(report.causes)) {
      out.push(`  - [${c?.confidence ?? ''}] ${c?.explanation ?? ''}`);
      for (const e of arr(c?.evidence)) out.push(`      ${e?.header}: ${e?.text}`);
    }
  }
  if (fixes.length) {
    out.push('', 'How to fix it');
    fixes.forEach((f, i) => {
      out.push(`  ${i + 1}. ${f?.title ?? ''}`);
      for (const s of arr(f?.steps)) out.push(`     - ${s}`);
    });
  }
  if (confirm) {
    out.push('', confirm.title || 'How to confirm it is fixed');
    arr(confirm.steps).forEach((s, i) => out.push(`  ${i + 1}. ${s}`));
  }
  const a = report?.authentication;
  if (a) {
    out.push('', 'Authentication', `  From: domain  ${a.from_domain ?? 'not found'}`);
    for (const r of authRows(a)) out.push(`  ${r[0].padEnd(16)} ${r[2]} for ${r[1] || '-'}${r[3] ? ` (${r[3]})` : ''}`);
  }
  const warnings = arr(report?.input?.warnings);
  if (warnings.length) {
    out.push('', 'Notes on the input');
    for (const w of warnings) out.push(`  - ${w?.message ?? ''}`);
  }
  return out.join('\n') + '\n';
}
