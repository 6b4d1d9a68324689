// The antispam panel: every field of each filter's header (Microsoft's
// X-Forefront-Antispam-Report, SpamAssassin, ...), its raw value, what it
// means, and which fields drove the verdict. One table; one row group per
// header field, so a dozen one-value headers stay readable.
import { h } from './dom.js';
import { arr, present } from './words.js';

function groupTitle(item) {
  const extra = [present(item?.verdict) ? item.verdict : null,
    present(item?.score) ? `score ${item.score}${present(item?.threshold) ? ` of ${item.threshold}` : ''}` : null]
    .filter(Boolean).join('; ');
  return h('span', {}, h('code', {}, present(item?.header) ? item.header : (item?.vendor ?? 'Antispam')),
    extra ? h('span', { class: 'muted' }, ` \u2014 ${extra}`) : null);
}

function fieldRow(f) {
  return h('tr', { class: f?.drove_verdict ? 'drove' : '' },
    h('th', { scope: 'row' }, h('code', {}, f?.name ?? '')),
    h('td', {}, h('code', { class: 'wrap' }, f?.value ?? '')),
    h('td', {}, f?.meaning ?? '', f?.documented === false ? h('span', { class: 'muted' }, ' (undocumented)') : null),
    h('td', {}, f?.drove_verdict
      ? h('span', { class: 'badge tone-bad' }, h('span', { 'aria-hidden': 'true' }, '\u2190'), ' yes')
      : h('span', { class: 'muted' }, 'no')));
}

function group(item) {
  const fields = arr(item?.fields).filter((f) => f && typeof f === 'object');
  const raw = present(item?.raw) && fields.length > 1
    ? h('tr', { class: 'raw-row' }, h('td', { colspan: '4' },
      h('details', { class: 'raw-field' }, h('summary', {}, 'Raw value'), h('pre', { class: 'evidence-line' }, item.raw))))
    : null;
  return h('tbody', { 'data-vendor': item?.vendor ?? '' },
    h('tr', { class: 'group' }, h('th', { colspan: '4', scope: 'rowgroup' }, groupTitle(item))),
    fields.map(fieldRow), raw);
}

export function renderAntispam(report) {
  const items = arr(report?.antispam).filter((i) => i && typeof i === 'object');
  if (!items.length) return null;
  const drove = items.flatMap((i) => arr(i.fields).filter((f) => f?.drove_verdict).map((f) => f.name));
  return h('section', { class: 'panel antispam', part: 'antispam', 'aria-labelledby': 'antispam-h' },
    h('h3', { id: 'antispam-h' }, 'Spam filter verdicts'),
    drove.length ? h('p', {}, 'What decided it: ', drove.map((n, i) => [i ? ', ' : '', h('code', {}, n)]), '.') : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'antispam-table' },
      h('caption', { class: 'sr-only' }, 'Each field of the spam filters\u2019 headers, its value, its meaning, and whether it drove the verdict'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Value'),
        h('th', { scope: 'col' }, 'Meaning'), h('th', { scope: 'col' }, 'Drove the verdict'))),
      items.map(group))));
}
