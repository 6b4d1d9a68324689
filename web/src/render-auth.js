// The authentication panel: the From: domain beside the MAIL FROM domain and
// every DKIM d=, each with its result and whether it aligns; DMARC and ARC;
// whose results were trusted, and the results that were ignored (and why).
import { h } from './dom.js';
import { arr, present, resultTone, alignedWords } from './words.js';

function badge({ tone, icon }, text) {
  return h('span', { class: `badge tone-${tone}` }, h('span', { 'aria-hidden': 'true' }, icon), ' ', text);
}

const result = (r) => badge(resultTone(r), present(r) ? String(r) : 'unknown');
const aligned = (a) => { const w = alignedWords(a); return badge(w, w.text); };

function row(check, domain, res, align) {
  return h('tr', {}, h('th', { scope: 'row' }, check), h('td', { class: 'domain' }, domain), h('td', {}, res), h('td', {}, align));
}

// An ignored result is whatever the core says about it; show the known keys
// in words and anything else as name: value.
function ignoredItem(item) {
  if (item === null || typeof item !== 'object') return h('li', {}, String(item));
  const { header, authserv_id: id, text, reason, why, raw, ...rest } = item;
  const extra = Object.entries(rest).filter(([, v]) => present(v) && typeof v !== 'object')
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v}`);
  return h('li', {},
    present(id) ? h('strong', {}, id) : null, present(id) ? ' ' : null,
    present(reason ?? why) ? h('span', {}, reason ?? why) : null,
    present(text ?? raw) ? h('pre', { class: 'evidence-line' }, present(header) ? `${header}: ` : '', text ?? raw) : null,
    extra.length ? h('span', { class: 'muted' }, ` (${extra.join('; ')})`) : null);
}

export function renderAuthentication(report) {
  const a = report?.authentication;
  if (!a || typeof a !== 'object') return null;
  const rows = [];
  const spf = a.spf ?? {};
  rows.push(row(h('span', {}, 'SPF ', h('span', { class: 'muted' }, '(MAIL FROM)')),
    present(spf.domain) ? spf.domain : h('span', { class: 'muted' }, 'not shown'), result(spf.result), aligned(spf.aligned)));
  const dkim = arr(a.dkim);
  if (!dkim.length) rows.push(row('DKIM', h('span', { class: 'muted' }, 'no signature result'), result('none'), aligned(null)));
  for (const d of dkim) {
    rows.push(row(h('span', {}, 'DKIM ', h('span', { class: 'muted' }, '(d=)')),
      h('span', {}, d?.domain ?? '', present(d?.selector) ? h('span', { class: 'muted' }, ` s=${d.selector}`) : null),
      result(d?.result), aligned(d?.aligned)));
  }
  const dmarc = a.dmarc ?? {};
  const policy = [present(dmarc.policy) ? `policy ${dmarc.policy}` : null, present(dmarc.action) ? `action ${dmarc.action}` : null]
    .filter(Boolean).join(', ');
  rows.push(row('DMARC', policy || h('span', { class: 'muted' }, 'policy not shown'), result(dmarc.result), ''));
  if (a.arc && (present(a.arc.result) && a.arc.result !== 'none' || a.arc.sets > 0)) {
    rows.push(row('ARC', `${a.arc.sets ?? 0} set${a.arc.sets === 1 ? '' : 's'}`, result(a.arc.result), ''));
  }
  const ignored = arr(a.ignored ?? a.ignored_results);
  return h('section', { class: 'panel auth', part: 'authentication', 'aria-labelledby': 'auth-h' },
    h('h3', { id: 'auth-h' }, 'Authentication'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'From: domain'),
      h('dd', { class: 'domain' }, present(a.from_domain) ? a.from_domain : 'not found',
        present(a.organizational_domain) && a.organizational_domain !== a.from_domain
          ? h('span', { class: 'muted' }, ` (organizational domain ${a.organizational_domain})`) : null),
      h('dt', {}, 'Results trusted from'),
      h('dd', {}, present(a.authserv_id) ? a.authserv_id : 'the receiver (its results carry no authserv-id)')),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'auth-table' },
        h('caption', { class: 'sr-only' }, 'Each identity, its result, and whether it aligns with the From: domain'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Check'), h('th', { scope: 'col' }, 'Domain'),
          h('th', { scope: 'col' }, 'Result'), h('th', { scope: 'col' }, 'Aligned with From:'))),
        h('tbody', {}, rows))),
    ignored.length
      ? h('div', { class: 'ignored' },
        h('h4', {}, 'Results not trusted'),
        h('p', { class: 'muted' }, 'Written before the message reached the receiver, or by someone else: they could be forged, so the verdict does not rely on them.'),
        h('ul', {}, ignored.map(ignoredItem)))
      : null);
}
