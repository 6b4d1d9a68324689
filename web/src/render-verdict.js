// The verdict card, the bounce details and the notes on the input.
import { h } from './dom.js';
import { statusOf, arr, present } from './words.js';

export function renderVerdict(report) {
  const status = statusOf(report);
  const key = report?.verdict?.status in { ok: 1, problem: 1, warning: 1 } ? report.verdict.status : 'unknown';
  return h('section', { class: `verdict verdict-${key}`, part: 'verdict', 'aria-labelledby': 'verdict-headline' },
    h('p', { class: 'verdict-status' },
      h('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, status.icon), ' ', status.label),
    h('h2', { class: 'verdict-headline', id: 'verdict-headline' }, report?.verdict?.headline ?? ''),
    present(report?.verdict?.summary) ? h('p', { class: 'verdict-summary' }, report.verdict.summary) : null);
}

const BOUNCE_ROWS = [
  ['reply_code', 'Reply code'], ['status', 'Enhanced status'], ['category', 'Category'],
  ['provider', 'Rejected by'], ['recipient', 'Recipient'], ['remote_mta', 'Remote server'],
  ['reporting_mta', 'Reported by'],
];

// A bounce field as the page shows it: categories with spaces, the provider
// by its name ("Microsoft") when the report gives one.
function shown(b, k) {
  if (k === 'provider' && present(b.provider_name)) return String(b.provider_name);
  return String(b[k]).replace(/_/g, k === 'category' ? ' ' : '_');
}

export function renderBounce(report) {
  const b = report?.bounce;
  if (!b || typeof b !== 'object') return null;
  const rows = BOUNCE_ROWS.filter(([k]) => present(b[k]))
    .map(([k, label]) => [h('dt', {}, label), h('dd', {}, shown(b, k))]);
  if (typeof b.permanent === 'boolean') {
    rows.push([h('dt', {}, 'Permanent'), h('dd', {}, b.permanent ? 'yes: retrying will not help' : 'no: the server may accept it later')]);
  }
  return h('section', { class: 'panel bounce', part: 'bounce', 'aria-labelledby': 'bounce-h' },
    h('h3', { id: 'bounce-h' }, 'The bounce'),
    rows.length ? h('dl', { class: 'facts' }, rows) : null,
    present(b.diagnostic)
      ? [h('p', { class: 'label' }, 'The server\u2019s own words'), h('pre', { class: 'quote' }, b.diagnostic)]
      : null);
}

export function renderWarnings(report) {
  const warnings = arr(report?.input?.warnings);
  if (!warnings.length) return null;
  return h('section', { class: 'panel warnings', part: 'warnings', 'aria-labelledby': 'warnings-h' },
    h('h3', { id: 'warnings-h' }, 'Notes on the input'),
    h('ul', {}, warnings.map((w) => h('li', { 'data-warning': w?.code ?? '' }, w?.message ?? String(w)))));
}
