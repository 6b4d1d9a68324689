// Every header field with what it is for, a filter box, and the raw input.
import { h } from './dom.js';
import { arr, present } from './words.js';

const RAW_LIMIT = 256 * 1024;

export function renderHeaders(report) {
  const headers = arr(report?.headers);
  if (!headers.length) return null;
  const rows = headers.map((f) => {
    const value = present(f?.decoded) && f.decoded !== f.value ? f.decoded : String(f?.value ?? '');
    return h('tr', { 'data-search': `${f?.name ?? ''}: ${value}`.toLowerCase() },
      h('th', { scope: 'row' }, h('code', {}, f?.name ?? '')),
      h('td', {}, h('code', { class: 'wrap' }, value)),
      h('td', { class: 'explanation' }, f?.explanation ?? ''));
  });
  const count = h('span', { class: 'muted filter-count', role: 'status' }, `${rows.length} fields`);
  const filter = h('input', { type: 'search', class: 'header-filter', id: 'header-filter', autocomplete: 'off', spellcheck: 'false' });
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const match = !q || row.dataset.search.includes(q);
      row.hidden = !match;
      if (match) shown++;
    }
    count.textContent = q ? `${shown} of ${rows.length} fields` : `${rows.length} fields`;
  });
  return h('details', { class: 'panel headers', part: 'headers' },
    h('summary', {}, h('h3', {}, `All headers (${rows.length})`)),
    h('div', { class: 'filter-row' }, h('label', { for: 'header-filter' }, 'Filter'), filter, count),
    h('div', { class: 'table-wrap' }, h('table', { class: 'headers-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Value'),
        h('th', { scope: 'col' }, 'What it is'))),
      h('tbody', {}, rows))));
}

export function renderRaw(text) {
  if (!present(text)) return null;
  const shown = text.length > RAW_LIMIT ? text.slice(0, RAW_LIMIT) : text;
  return h('details', { class: 'panel raw', part: 'raw' },
    h('summary', {}, h('h3', {}, 'The input as pasted')),
    h('pre', { class: 'raw-text', tabindex: '0', 'aria-label': 'The input as pasted' }, shown),
    shown !== text ? h('p', { class: 'muted' }, `Showing the first ${RAW_LIMIT / 1024} KB of ${Math.round(text.length / 1024)} KB.`) : null);
}
