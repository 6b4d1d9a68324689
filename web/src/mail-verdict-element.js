// <mail-verdict>: paste email headers or a bounce, get the verdict.
//
// Attributes: value (text to analyze), dmarc-record, spf-record.
// Property: report (the last report, schema 1). Event: mail-verdict-analyzed.
import { analyze } from '../mailverdict.mjs';
import { h } from './dom.js';
import { MailVerdictAnalyzedEvent } from './mail-verdict-analyzed-event.js';
import { renderReport } from './render-report.js';

const DEBOUNCE_MS = 250;

export class MailVerdictElement extends HTMLElement {
  static observedAttributes = ['value', 'dmarc-record', 'spf-record'];

  static define(tag = 'mail-verdict', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #report = null;
  #timer = 0;
  #run = 0;
  #input;
  #output;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const css = new URL('../mail-verdict.css', import.meta.url).href;
    this.#input = h('textarea', {
      class: 'input', part: 'input', spellcheck: 'false', autocomplete: 'off',
      'aria-label': 'Email headers or bounce message',
      placeholder: 'Paste the full headers of a message, or the bounce you received\u2026',
    });
    const button = h('button', { type: 'button', class: 'analyze', part: 'button' }, 'Analyze');
    this.#output = h('div', { class: 'output', part: 'output' });
    root.append(
      h('link', { rel: 'stylesheet', href: css }),
      h('div', { class: 'paste' }, this.#input, h('div', { class: 'actions' }, button)),
      this.#output);
    this.#input.addEventListener('paste', () => setTimeout(() => this.analyzeNow(), 0));
    this.#input.addEventListener('input', () => this.#schedule());
    button.addEventListener('click', () => this.analyzeNow());
  }

  connectedCallback() {
    if (this.hasAttribute('value') && this.#input.value === '') {
      this.#input.value = this.getAttribute('value');
      this.analyzeNow();
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'value') this.#input.value = newValue ?? '';
    if (this.isConnected && this.#input.value !== '') this.#schedule();
  }

  /** The text being analyzed. */
  get value() { return this.#input.value; }
  set value(text) {
    this.#input.value = String(text ?? '');
    this.analyzeNow();
  }

  /** The last report (schema 1), or null before the first analysis. */
  get report() { return this.#report; }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.analyzeNow(), DEBOUNCE_MS);
  }

  /** Analyzes the current text now; resolves to the report. */
  async analyzeNow() {
    clearTimeout(this.#timer);
    const run = ++this.#run;
    const text = this.#input.value;
    if (text.trim() === '' && this.#report === null) return null;
    performance.mark('mail-verdict-analyze-start');
    const report = await analyze(text, {
      dmarcRecord: this.getAttribute('dmarc-record') ?? '',
      spfRecord: this.getAttribute('spf-record') ?? '',
    });
    performance.mark('mail-verdict-analyze-end');
    performance.measure('mail-verdict-analyze', 'mail-verdict-analyze-start', 'mail-verdict-analyze-end');
    if (run !== this.#run) return report;  // a newer analysis started meanwhile
    this.#report = report;
    this.#output.replaceChildren(...renderReport(report));
    this.dispatchEvent(new MailVerdictAnalyzedEvent(report));
    return report;
  }
}
