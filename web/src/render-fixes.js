// The numbered fix list, with a copy button beside each value a person types
// into DNS or a settings page, and "how to confirm it is fixed".
import { h } from './dom.js';
import { arr, present } from './words.js';

// Host names and record fragments worth copying: s1._domainkey.example.com,
// d=example.com, include:sendgrid.net, bounce.example.com.
const VALUE = /(?:\b(?:d=|include:))?(?<![\w.-])(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9](?![\w-]|\.\w)/g;

/** A step's text with its values as <code> and a copy button for each distinct one. */
export function stepContent(step) {
  const text = String(step ?? '');
  const parts = [];
  const seen = new Set();
  let from = 0;
  for (const m of text.matchAll(VALUE)) {
    if (m.index > from) parts.push(text.slice(from, m.index));
    const value = m[0];
    parts.push(h('code', { class: 'value' }, value));
    if (!seen.has(value)) {
      seen.add(value);
      parts.push(h('button', { type: 'button', class: 'copy', 'data-copy': value, 'aria-label': `Copy ${value}` },
        h('span', { 'aria-hidden': 'true' }, '\u29C9'), ' Copy'));
    }
    from = m.index + value.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

export const isConfirm = (fix) => fix?.id === 'confirm';

export function renderFixes(report) {
  const fixes = arr(report?.fixes).filter((f) => !isConfirm(f));
  if (!fixes.length) return null;
  return h('section', { class: 'fixes', part: 'fixes', 'aria-labelledby': 'fixes-h' },
    h('h3', { id: 'fixes-h' }, 'How to fix it'),
    h('ol', { class: 'fix-list' }, fixes.map((fix) =>
      h('li', { class: 'fix', 'data-fix': fix?.id ?? '' },
        h('strong', { class: 'fix-title' }, fix?.title ?? ''),
        arr(fix?.steps).length ? h('ul', {}, arr(fix.steps).map((step) => h('li', {}, stepContent(step)))) : null))));
}

export function renderConfirm(report) {
  const confirm = arr(report?.fixes).find(isConfirm);
  if (!confirm || !arr(confirm.steps).length) return null;
  return h('section', { class: 'confirm', part: 'confirm', 'aria-labelledby': 'confirm-h' },
    h('h3', { id: 'confirm-h' }, present(confirm.title) ? confirm.title : 'How to confirm it is fixed'),
    h('ol', {}, arr(confirm.steps).map((step) => h('li', {}, stepContent(step)))));
}
