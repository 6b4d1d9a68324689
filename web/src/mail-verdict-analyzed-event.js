// The event <mail-verdict> fires after each analysis. It bubbles and is
// composed, so a page can listen for it outside the element's shadow root.
export class MailVerdictAnalyzedEvent extends Event {
  constructor(report) {
    super('mail-verdict-analyzed', { bubbles: true, composed: true });
    this.report = report;
  }
}
