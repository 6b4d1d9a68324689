// The antispam panel: every field of each filter's header (Microsoft's
// X-Forefront-Antispam-Report, SpamAssassin, ...), its raw value, what it
// means, and which fields drove the verdict.
import { h } from './dom.js';
import { arr, present } from './words.js';

function entry(item) {
  const fields = arr(item?.fields);
  const summary = [present(item?.verdict) ? item.verdict : null,
    present(item?.score) ? `score ${item.score}${present(item?.threshold) ? ` (threshold ${item.threshold})` : ''}` : null]
    .filter(Boolean).join('; ');
  return h('div', { class: 'antispam-entry', 'data-vendor': item?.vendor ?? '' },
    h('h4', {}, present(item?.header) ? item.header : (item?.vendor ?? 'Antispam')),
    summary ? h('p', {}, summary) : null,
    fields.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'antispam-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Value'),
          h('th', { scope: 'col' }, 'Meaning'), h('th', { scope: 'col' }, 'Drove the verdict'))),
        h('tbody', {}, fields.map((f) => h('tr', { class: f?.drove_verdict ? 'drove' : '' },
          h('th', { scope: 'row' }, h('code', {}, f?.name ?? '')),
          h('td', {}, h('code', { class: 'wrap' }, f?.value ?? '')),
          h('td', {}, f?.meaning ?? '', f?.documented === false ? h('span', { class: 'muted' }, ' (undocumented)') : null),
          h('td', {}, f?.drove_verdict
            ? h('span', { class: 'badge tone-bad' }, h('span', { 'aria-hidden': 'true' }, '\u2190'), ' yes')
            : h('span', { class: 'muted' }, 'no')))))))
      : null,
    present(item?.raw)
      ? h('details', { class: 'raw-field' }, h('summary', {}, 'Raw value'), h('pre', { class: 'evidence-line' }, item.raw))
      : null);
}

export function renderAntispam(report) {
  const items = arr(report?.antispam);
  if (!items.length) return null;
  return h('section', { class: 'panel antispam', part: 'antispam', 'aria-labelledby': 'antispam-h' },
    h('h3', { id: 'antispam-h' }, 'Spam filter verdicts'), items.map(entry));
}
