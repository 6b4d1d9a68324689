// Everything the widget offers, with <mail-verdict> registered: the one
// module an embedding page loads (bundled as build/web/mail-verdict.js).
export { MailVerdictElement } from './define.js';
export { MailVerdictAnalyzedEvent, MailVerdictRenderedEvent } from './mail-verdict-analyzed-event.js';
export { analyze, analyzeToText, version } from './mailverdict.mjs';
export { toMarkdown, toPlainText } from './report-text.js';
export { renderReport } from './render-report.js';
