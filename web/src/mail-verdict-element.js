// <mail-verdict>: paste email headers or a bounce, get the verdict.
//
// Attributes: value (text to analyze), dmarc-record, spf-record, compact
// (verdict, causes and fixes only), theme ("light", "dark"; else the system's).
// Property: report (the last report, schema 1), value. Methods: analyzeNow(),
// openFile(file). Events (bubble, composed): mail-verdict-analyzed once the
// report is ready and the verdict card (verdict, causes, fixes) is in place;
// mail-verdict-rendered once the panels below it are in as well, in a task of
// their own after the frame that shows the card (at once when compact).
// Styling: CSS custom properties --mv-* and ::part() (see mail-verdict.css).
import { analyze, load } from './mailverdict.mjs';
import { warmUp } from './warm-up.js';
import { decodePendingWords } from './pending-words.js';
import { h, copyText, download } from './dom.js';
import { MailVerdictAnalyzedEvent, MailVerdictRenderedEvent } from './mail-verdict-analyzed-event.js';
import { renderReportTop, renderReportLower } from './render-report.js';
import { afterNextFrame } from './after-frame.js';
import { toMarkdown, toPlainText } from './report-text.js';
import { statusOf } from './words.js';
import { styles } from './mail-verdict-styles.js';

const DEBOUNCE_MS = 250;
const MAX_FILE_BYTES = 25 * 1024 * 1024;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
  }
  return sheet;
}

/** Reads a dropped or picked file as text: UTF-8 when it is, else Latin-1 (each byte one character). */
export async function readFileText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // TextDecoder('latin1') is really windows-1252; map each byte to the same code point.
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return text;
  }
}

export class MailVerdictElement extends HTMLElement {
  static observedAttributes = ['value', 'dmarc-record', 'spf-record', 'compact'];

  static define(tag = 'mail-verdict', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #report = null;
  #timer = 0;
  #run = 0;
  #input;
  #dmarc;
  #spf;
  #file;
  #status;
  #announce;
  #output;
  #opened = '';
  #renderId = 0;
  #flushLower = null;  // adds the pending lower panels at once (printing needs them)
  #onBeforePrint = () => this.#flushLower?.();

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    this.#input = h('textarea', {
      id: 'input', class: 'input', part: 'input', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', wrap: 'off',
      placeholder: 'Paste the full headers of a message (in Gmail: Show original; in Outlook: View message source), or the bounce you received\u2026',
    });
    this.#dmarc = h('input', { id: 'dmarc', type: 'text', class: 'record', spellcheck: 'false', autocomplete: 'off',
      placeholder: 'v=DMARC1; p=reject; adkim=s' });
    this.#spf = h('input', { id: 'spf', type: 'text', class: 'record', spellcheck: 'false', autocomplete: 'off',
      placeholder: 'v=spf1 include:_spf.example.net -all' });
    this.#file = h('input', { type: 'file', class: 'file', accept: '.eml,.txt,.msg,message/rfc822,text/plain', hidden: true,
      tabindex: '-1', 'aria-hidden': 'true' });
    this.#status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', part: 'status' });
    // The verdict is announced to screen readers; sighted users read the card.
    this.#announce = h('p', { class: 'announce sr-only', role: 'status', 'aria-live': 'polite' });
    this.#output = h('div', { class: 'output', part: 'output' });
    const analyzeButton = h('button', { type: 'button', class: 'analyze primary', part: 'button' }, 'Analyze');
    const openButton = h('button', { type: 'button', class: 'open secondary' }, 'Open a file\u2026');
    root.append(h('div', { class: 'mv' },
      h('div', { class: 'input-area', part: 'input-area' },
        h('label', { class: 'input-label', for: 'input' }, 'Email headers or bounce message'),
        this.#input,
        h('div', { class: 'actions' }, analyzeButton, openButton, this.#file,
          h('span', { class: 'hint drop' }, 'or drop an .eml or .txt file here')),
        h('details', { class: 'records', part: 'records' },
          h('summary', {}, 'DNS records you know (optional)'),
          h('p', { class: 'hint' }, 'This page looks nothing up. Paste a record to let the analysis use it.'),
          h('div', { class: 'record-field' }, h('label', { for: 'dmarc' }, 'DMARC record of the From: domain'), this.#dmarc),
          h('div', { class: 'record-field' }, h('label', { for: 'spf' }, 'SPF record of the MAIL FROM domain'), this.#spf))),
      this.#status,
      this.#announce,
      this.#output));

    this.#input.addEventListener('paste', () => setTimeout(() => this.analyzeNow(), 0));
    this.#input.addEventListener('input', () => this.#schedule());
    this.#dmarc.addEventListener('input', () => this.#schedule());
    this.#spf.addEventListener('input', () => this.#schedule());
    analyzeButton.addEventListener('click', () => this.analyzeNow());
    openButton.addEventListener('click', () => this.#file.click());
    this.#file.addEventListener('change', () => {
      if (this.#file.files?.[0]) this.openFile(this.#file.files[0]);
      this.#file.value = '';
    });
    this.addEventListener('dragover', (e) => {
      if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
      e.preventDefault();
      this.toggleAttribute('data-dragging', true);
    });
    this.addEventListener('dragleave', () => this.removeAttribute('data-dragging'));
    this.addEventListener('drop', (e) => {
      this.removeAttribute('data-dragging');
      const file = e.dataTransfer?.files?.[0];
      if (!file) return;
      e.preventDefault();
      e.stopPropagation();
      this.openFile(file);
    });
    this.#output.addEventListener('click', (e) => this.#onOutputClick(e));
  }

  connectedCallback() {
    // Load the core while the person finds their headers, so the first paste
    // answers at once: after the first frame, which it would otherwise delay
    // (loading is one stretch of main-thread work; see mailverdict.mjs). Then
    // warm it up in idle moments (warm-up.js).
    requestAnimationFrame(() => setTimeout(() => load().then(warmUp, () => {}), 0));
    addEventListener('beforeprint', this.#onBeforePrint);
    if (this.hasAttribute('dmarc-record')) this.#dmarc.value = this.getAttribute('dmarc-record');
    if (this.hasAttribute('spf-record')) this.#spf.value = this.getAttribute('spf-record');
    // An element parsed with a value analyzes at once: its attributeChangedCallback
    // (which runs first, at upgrade) only scheduled the debounced analysis.
    if (this.hasAttribute('value')) {
      if (this.#input.value === '') this.#input.value = this.getAttribute('value');
      this.analyzeNow();
    }
  }

  disconnectedCallback() {
    removeEventListener('beforeprint', this.#onBeforePrint);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'value') this.#input.value = newValue ?? '';
    if (name === 'dmarc-record') this.#dmarc.value = newValue ?? '';
    if (name === 'spf-record') this.#spf.value = newValue ?? '';
    if (name === 'compact') {
      if (this.#report) this.#render(this.#report).schedule();
      return;
    }
    if (this.isConnected && this.#input.value !== '') this.#schedule();
  }

  /** The text being analyzed. Setting it analyzes at once. */
  get value() { return this.#input.value; }
  set value(text) {
    this.#input.value = String(text ?? '');
    this.analyzeNow();
  }

  /** The DMARC and SPF records typed into the optional fields. */
  get dmarcRecord() { return this.#dmarc.value; }
  set dmarcRecord(text) { this.#dmarc.value = String(text ?? ''); this.#schedule(); }
  get spfRecord() { return this.#spf.value; }
  set spfRecord(text) { this.#spf.value = String(text ?? ''); this.#schedule(); }

  /** The last report (schema 1), or null before the first analysis. */
  get report() { return this.#report; }

  /** The last report as Markdown or plain text ('' before the first analysis). */
  toMarkdown() { return this.#report ? toMarkdown(this.#report) : ''; }
  toText() { return this.#report ? toPlainText(this.#report) : ''; }

  /** Loads a .eml or .txt file and analyzes it. */
  async openFile(file) {
    if (file.size > MAX_FILE_BYTES) {
      this.#say(`${file.name} is ${Math.round(file.size / 1048576)} MB; open only the headers or the bounce (at most 25 MB).`);
      return null;
    }
    this.#input.value = await readFileText(file);
    this.#opened = `Opened ${file.name}.`;
    return this.analyzeNow();
  }

  #say(text) { this.#status.textContent = text; }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.analyzeNow(), DEBOUNCE_MS);
  }

  /**
   * Shows the verdict card now. The panels below it (authentication, route,
   * spam filters, headers, the input) come after the next frame, when the
   * caller calls `schedule()`: laying the whole report out before the first
   * frame after an analysis would delay the verdict by the panels' layout.
   * `done` resolves to whether they were added (false: a newer report took
   * the place first). Printing adds them at once (#flushLower).
   */
  #render(report) {
    const id = ++this.#renderId;
    const input = this.#input.value;
    const compact = this.hasAttribute('compact');
    this.#output.replaceChildren(...renderReportTop(report, { compact }));
    this.#flushLower = null;
    if (compact) return { done: Promise.resolve(true), schedule() {} };
    let settle;
    const done = new Promise((resolve) => { settle = resolve; });
    let ran = false;
    const addLower = () => {
      if (ran) return;
      ran = true;
      if (id !== this.#renderId) {
        settle(false);
        return;
      }
      this.#flushLower = null;
      this.#output.append(...renderReportLower(report, { input }));
      settle(true);
    };
    this.#flushLower = addLower;
    return { done, schedule: () => afterNextFrame(addLower) };
  }

  /**
   * Analyzes the current text now; resolves to the report once the verdict
   * card shows it (when mail-verdict-analyzed fires; the panels below follow
   * with mail-verdict-rendered).
   */
  async analyzeNow() {
    clearTimeout(this.#timer);
    const run = ++this.#run;
    const text = this.#input.value;
    if (text.trim() === '' && this.#report === null) return null;
    performance.mark('mail-verdict-analyze-start');
    let report;
    try {
      report = decodePendingWords(await analyze(text, { dmarcRecord: this.#dmarc.value, spfRecord: this.#spf.value }));
    } catch (error) {
      const next = error?.unsupported ? 'Open this page in a newer browser.' : 'Reload the page to try again.';
      if (run === this.#run) this.#say(`The analysis failed: ${error?.message ?? error}. ${next}`);
      return null;
    }
    performance.mark('mail-verdict-analyze-end');
    performance.measure('mail-verdict-analyze', 'mail-verdict-analyze-start', 'mail-verdict-analyze-end');
    if (run !== this.#run) return report;  // a newer analysis started meanwhile
    this.#report = report;
    const shown = this.#render(report);
    this.#announce.textContent = `${statusOf(report).label}: ${report?.verdict?.headline ?? ''}`;
    this.#say(this.#opened);
    this.#opened = '';
    this.toggleAttribute('data-has-report', true);
    this.dispatchEvent(new MailVerdictAnalyzedEvent(report));
    // After the event, so that a listener's own frame callbacks run first.
    shown.schedule();
    shown.done.then((added) => {
      if (added) this.dispatchEvent(new MailVerdictRenderedEvent(report));
    });
    return report;
  }

  async #onOutputClick(event) {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || !this.#report) return;
    const copy = button.getAttribute('data-copy');
    if (copy !== null) {
      this.#say(await copyText(copy) ? `Copied ${copy}` : 'Copying failed: select the text and copy it by hand.');
      return;
    }
    switch (button.dataset.action) {
      case 'copy-markdown':
        this.#say(await copyText(toMarkdown(this.#report)) ? 'Copied the report as Markdown.' : 'Copying failed.');
        break;
      case 'copy-text':
        this.#say(await copyText(toPlainText(this.#report)) ? 'Copied the report as plain text.' : 'Copying failed.');
        break;
      case 'download-json':
        download('mailverdict-report.json', `${JSON.stringify(this.#report, null, 2)}\n`);
        this.#say('Downloaded mailverdict-report.json.');
        break;
      default:
        break;
    }
  }
}
