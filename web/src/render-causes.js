// Causes, each with its evidence shown in context: the whole header field,
// with the part that proves the point highlighted.
import { h, highlight } from './dom.js';
import { arr, present } from './words.js';

function fieldFor(report, evidence) {
  return arr(report?.headers).find((f) => f?.index === evidence?.index &&
    String(f?.name ?? '').toLowerCase() === String(evidence?.header ?? '').toLowerCase()) ?? null;
}

export function renderEvidence(report, evidence) {
  const name = evidence?.header ?? '';
  const text = String(evidence?.text ?? '');
  const field = fieldFor(report, evidence);
  const value = field ? String(field.value ?? '') : '';
  const label = h('span', { class: 'evidence-name' }, `${name}: `);
  if (field && text && value.includes(text) && value !== text) {
    return h('pre', { class: 'evidence-line in-context' }, label, highlight(value, text));
  }
  return h('pre', { class: 'evidence-line' }, label, text ? h('mark', {}, text) : value);
}

export function renderCauses(report) {
  const causes = arr(report?.causes);
  if (!causes.length) return null;
  return h('section', { class: 'causes', part: 'causes', 'aria-labelledby': 'causes-h' },
    h('h3', { id: 'causes-h' }, 'Why'),
    h('ul', {}, causes.map((cause) =>
      h('li', { class: 'cause', 'data-cause': cause?.id ?? '' },
        h('p', {},
          present(cause?.confidence)
            ? h('span', { class: `confidence confidence-${cause.confidence}` }, cause.confidence) : null,
          ' ', cause?.explanation ?? ''),
        arr(cause?.evidence).length
          ? h('div', { class: 'evidence' }, h('p', { class: 'label' }, 'Evidence'),
            arr(cause.evidence).map((e) => renderEvidence(report, e)))
          : null))));
}
