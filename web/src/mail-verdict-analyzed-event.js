// The events <mail-verdict> fires after each analysis. They bubble and are
// composed, so a page can listen for them outside the element's shadow root.

/**
 * The report is ready, and the verdict card (verdict, causes, fixes) shows
 * it. The panels below the card are not in the element yet: they follow in
 * a task of their own after the next frame (see MailVerdictRenderedEvent).
 */
export class MailVerdictAnalyzedEvent extends Event {
  constructor(report) {
    super('mail-verdict-analyzed', { bubbles: true, composed: true });
    this.report = report;
  }
}

/**
 * The whole report is in the element: the panels below the verdict card
 * (authentication, route, spam filters, headers, the input as pasted) too.
 * Fires after mail-verdict-analyzed, for the same report, unless a newer
 * analysis replaced it first.
 */
export class MailVerdictRenderedEvent extends Event {
  constructor(report) {
    super('mail-verdict-rendered', { bubbles: true, composed: true });
    this.report = report;
  }
}
