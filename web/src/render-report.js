// Renders a report (schema 1) as DOM. Text only; no innerHTML anywhere.
// Every field is read defensively: a report may lack sections that a newer
// or older core adds, and arrays may be empty.
import { h } from './dom.js';
import { renderVerdict, renderBounce, renderWarnings } from './render-verdict.js';
import { renderCauses } from './render-causes.js';
import { renderFixes, renderConfirm } from './render-fixes.js';
import { renderAuthentication } from './render-auth.js';
import { renderRoute } from './render-route.js';
import { renderAntispam } from './render-antispam.js';
import { renderHeaders, renderRaw } from './render-headers.js';

export { renderVerdict, renderCauses, renderFixes, renderWarnings };

function renderExport() {
  const button = (action, label) => h('button', { type: 'button', class: 'secondary', 'data-action': action }, label);
  return h('div', { class: 'export', part: 'export', role: 'group', 'aria-label': 'Take the report with you' },
    button('copy-markdown', 'Copy as Markdown'), button('copy-text', 'Copy as text'), button('download-json', 'Download JSON'));
}

/**
 * The verdict card and what to do about it: the verdict, the export buttons,
 * the bounce, the causes, the fix list and how to confirm the fix. The
 * element shows these first, in the frame right after the analysis.
 */
export function renderReportTop(report, { compact = false } = {}) {
  const parts = [renderVerdict(report)];
  if (!compact) parts.push(renderExport());
  parts.push(renderBounce(report), renderCauses(report), renderFixes(report), renderConfirm(report));
  return parts.filter(Boolean);
}

/**
 * The panels below the fixes: authentication, route, spam filter verdicts,
 * notes on the input, the header listing and the input as pasted. Most of
 * the report's layout is here; the element adds them in a task of their own
 * after the frame that shows the verdict card (none in compact mode).
 */
export function renderReportLower(report, { input = '' } = {}) {
  return [renderAuthentication(report), renderRoute(report), renderAntispam(report), renderWarnings(report),
    renderHeaders(report), renderRaw(input)].filter(Boolean);
}

/** The report as a list of nodes. `compact` keeps the verdict, the causes and the fixes. */
export function renderReport(report, { compact = false, input = '' } = {}) {
  const parts = renderReportTop(report, { compact });
  if (!compact) parts.push(...renderReportLower(report, { input }));
  return parts;
}
