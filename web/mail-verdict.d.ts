// Types for build/web/mail-verdict.js: the <mail-verdict> element, its event,
// and the analyze() functions it re-exports.
import type { Report, AnalyzeOptions } from './mailverdict.js';

export type { Report, AnalyzeOptions, Cause, Evidence, Fix, ResultWord } from './mailverdict.js';
export { analyze, analyzeToText, version } from './mailverdict.js';

/**
 * Fired after every analysis, once the report is ready and the verdict card (verdict, causes,
 * fixes) shows it; bubbles and is composed, so the host page hears it. The panels below the card
 * (authentication, route, spam filters, headers, the input as pasted) are not in the element
 * yet: they are added in a task of their own after the next frame, and
 * `mail-verdict-rendered` follows.
 */
export class MailVerdictAnalyzedEvent extends Event {
  constructor(report: Report);
  readonly type: 'mail-verdict-analyzed';
  readonly report: Report;
}

/**
 * Fired once the whole report is in the element, the panels below the verdict card included
 * (right after `mail-verdict-analyzed` in compact mode). Not fired for a report that a newer
 * analysis replaced before its panels were added. Bubbles and is composed.
 */
export class MailVerdictRenderedEvent extends Event {
  constructor(report: Report);
  readonly type: 'mail-verdict-rendered';
  readonly report: Report;
}

/**
 * `<mail-verdict>`: paste email headers or a bounce, get the verdict.
 *
 * Attributes: `value`, `dmarc-record`, `spf-record`, `compact`, `theme` ("light" | "dark").
 * Theming: CSS custom properties `--mv-*` and `::part(verdict | input | output | fixes | causes | ...)`.
 */
export class MailVerdictElement extends HTMLElement {
  static observedAttributes: string[];
  /** Registers the element (default tag "mail-verdict") unless the tag is taken. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof MailVerdictElement;
  /** The text being analyzed; setting it analyzes at once. */
  value: string;
  /** The DMARC record typed into (or set on) the optional field. */
  dmarcRecord: string;
  /** The SPF record typed into (or set on) the optional field. */
  spfRecord: string;
  /** The last report (schema 1), or null before the first analysis. */
  readonly report: Report | null;
  /** Analyzes the current text now; resolves when `mail-verdict-analyzed` fires. */
  analyzeNow(): Promise<Report | null>;
  /** Loads a .eml or .txt file and analyzes it. */
  openFile(file: Blob & { name: string }): Promise<Report | null>;
  /** The last report as Markdown, or '' before the first analysis. */
  toMarkdown(): string;
  /** The last report as plain text, or '' before the first analysis. */
  toText(): string;
}

export function toMarkdown(report: Report): string;
export function toPlainText(report: Report): string;

declare global {
  interface HTMLElementTagNameMap {
    'mail-verdict': MailVerdictElement;
  }
  interface HTMLElementEventMap {
    'mail-verdict-analyzed': MailVerdictAnalyzedEvent;
    'mail-verdict-rendered': MailVerdictRenderedEvent;
  }
}
