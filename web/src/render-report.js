// Renders a report (schema 1) as DOM: the verdict card, causes with their
// evidence, and the numbered fix list. Text only; no innerHTML anywhere.
import { h } from './dom.js';

const STATUS = {
  ok: { icon: '\u2714', label: 'No problem found' },
  problem: { icon: '\u2716', label: 'Problem found' },
  warning: { icon: '\u26A0', label: 'Warning' },
  unknown: { icon: '?', label: 'Cannot tell' },
};

const CONFIDENCE = { certain: 'certain', likely: 'likely', possible: 'possible' };

export function renderVerdict(report) {
  const status = STATUS[report.verdict.status] ?? STATUS.unknown;
  return h('section', { class: `verdict verdict-${report.verdict.status}`, 'aria-live': 'polite', part: 'verdict' },
    h('p', { class: 'verdict-status' },
      h('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, status.icon), ' ', status.label),
    h('h2', { class: 'verdict-headline' }, report.verdict.headline),
    report.verdict.summary ? h('p', { class: 'verdict-summary' }, report.verdict.summary) : null);
}

export function renderCauses(report) {
  if (!report.causes?.length) return null;
  return h('section', { class: 'causes', part: 'causes' },
    h('h3', {}, 'Why'),
    h('ul', {}, report.causes.map((cause) =>
      h('li', { class: 'cause', 'data-cause': cause.id },
        h('p', {},
          h('span', { class: `confidence confidence-${cause.confidence}` }, CONFIDENCE[cause.confidence] ?? cause.confidence),
          ' ', cause.explanation),
        cause.evidence?.length
          ? h('div', { class: 'evidence' }, cause.evidence.map((e) =>
            h('pre', { class: 'evidence-line' }, h('span', { class: 'evidence-name' }, `${e.header}: `), e.text)))
          : null))));
}

export function renderFixes(report) {
  if (!report.fixes?.length) return null;
  return h('section', { class: 'fixes', part: 'fixes' },
    h('h3', {}, 'How to fix it'),
    h('ol', {}, report.fixes.map((fix) =>
      h('li', { class: 'fix', 'data-fix': fix.id },
        h('strong', {}, fix.title),
        fix.steps?.length ? h('ul', {}, fix.steps.map((step) => h('li', {}, step))) : null))));
}

export function renderWarnings(report) {
  const warnings = report.input?.warnings ?? [];
  if (!warnings.length) return null;
  return h('section', { class: 'warnings', part: 'warnings' },
    h('h3', {}, 'Notes on the input'),
    h('ul', {}, warnings.map((w) => h('li', { 'data-warning': w.code }, w.message))));
}

export function renderReport(report) {
  return [renderVerdict(report), renderCauses(report), renderFixes(report), renderWarnings(report)]
    .filter(Boolean);
}
