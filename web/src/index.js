// Everything the widget offers, with <mail-verdict> registered.
export { MailVerdictElement } from './define.js';
export { MailVerdictAnalyzedEvent } from './mail-verdict-analyzed-event.js';
export { analyze, analyzeToText, version } from '../mailverdict.mjs';
