// Types for build/web/mail-verdict.js: the <mail-verdict> element, its event,
// and the analyze() functions it re-exports.
import type { Report, AnalyzeOptions } from './mailverdict.js';

export type { Report, AnalyzeOptions, Cause, Evidence, Fix, ResultWord } from './mailverdict.js';
export { analyze, analyzeToText, version } from './mailverdict.js';

/** Fired after every analysis; bubbles and is composed, so the host page hears it. */
export class MailVerdictAnalyzedEvent extends Event {
  constructor(report: Report);
  readonly type: 'mail-verdict-analyzed';
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
  /** Analyzes the current text now. */
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
  }
}
