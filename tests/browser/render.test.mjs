// The renderers against reports the core does not produce yet or any more:
// sections from other issues (route, antispam, bounce, ignored results), and
// absent, null or empty fields. Nothing may throw, and what is there shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, open } from './browser.mjs';

const env = useBrowser();

const FULL = {
  schema: 1,
  input: { kind: 'bounce', bytes: 10, warnings: [{ code: 'truncated', message: 'The bounce looks cut short.' }] },
  verdict: { status: 'problem', headline: 'Outlook.com rejected it: DMARC policy reject.', summary: 'S.' },
  bounce: { reply_code: 550, status: '5.7.509', permanent: true, category: 'dmarc_policy', provider: 'microsoft',
    diagnostic: '550 5.7.509 Access denied, sending domain [NQ.EXAMPLE.JP] does not pass DMARC verification',
    recipient: 'a@outlook.com', reporting_mta: null, remote_mta: '52.101.68.24' },
  authentication: {
    from_domain: 'nq.example.jp', organizational_domain: 'example.jp', authserv_id: 'mx.google.com',
    spf: { result: 'fail', domain: 'nq.example.jp', aligned: true },
    dkim: [{ result: 'pass', domain: 'esp.example', selector: 's1', aligned: false }],
    dmarc: { result: 'fail', policy: 'reject', action: 'reject' }, arc: { result: 'pass', sets: 2 },
    ignored: [{ authserv_id: 'relay.example', reason: 'written before the message reached the receiver',
      header: 'Authentication-Results', text: 'relay.example; spf=pass' }],
  },
  causes: [{ id: 'not_authenticated', confidence: 'certain', explanation: 'Nothing passed.',
    evidence: [{ header: 'X-Missing', index: 99, text: 'not in headers' }] }],
  fixes: [{ id: 'authorize_spf', title: 'Authorize it', steps: ['Add include:spf.esp.example to nq.example.jp.'] },
    { id: 'confirm', title: 'How to confirm it is fixed', steps: ['Send a test.'] }],
  hops: [
    { position: 1, from: 'relay.example', ip: '192.0.2.1', by: 'mx.outlook.com', with: 'ESMTP', tls: false,
      delay: 125, delay_text: '2 minutes 5 seconds', time: '2024-06-24T08:58:06Z',
      warnings: [{ code: 'no_tls', message: 'This hop did not use TLS.' }] },
    { position: 2, by: '10.0.0.9', with: 'SMTP', tls: false, delay: 1, delay_text: '1 second', warnings: [] },
    { position: 0, from: 'client', by: 'relay.example', tls: true, tls_version: 'TLSv1.3', delay: -4,
      delay_text: '-4 seconds', warnings: [{ code: 'clock_skew', message: 'The clocks disagree by 4 seconds.' }] },
  ],
  route: { total_delay_text: '2 minutes 1 second', skipped_hops: 0, warnings: [] },
  antispam: [{ vendor: 'microsoft', header: 'X-Forefront-Antispam-Report', index: 3, raw: 'SCL:5;SFV:SPM;CAT:SPOOF',
    fields: [{ name: 'SCL', value: '5', meaning: 'Spam confidence level 5: spam.', documented: true, drove_verdict: true },
      { name: 'XYZ', value: '1', meaning: '', documented: false, drove_verdict: false }],
    outcome: 'junk', verdict: 'Spam (spoofing)', score: 5, threshold: null }],
  headers: [{ name: 'From', value: 'a@nq.example.jp', index: 0, explanation: 'Who wrote it.' }],
};

async function render(page, report) {
  return page.evaluate(async (r) => {
    const { renderReport } = await import('/mail-verdict.js');
    const host = document.createElement('div');
    host.append(...renderReport(r, { input: 'raw text' }));
    document.body.append(host);
    return host.textContent;
  }, report);
}

test('every section of a full report shows', async () => {
  const { page, errors, close } = await open(env.browser, `${env.server.url}embed.html`);
  const text = await render(page, FULL);
  for (const want of ['5.7.509', 'The server\u2019s own words', 'dmarc policy', 'Results not trusted', 'relay.example; spf=pass',
    'not aligned', '2 sets', '\u26A0 no TLS', 'no TLS (internal hand-off)', 'TLS 1.3', 'clock skew', 'The clocks disagree', '2 minutes 1 second',
    'Spam confidence level 5', '(undocumented)', 'Spam (spoofing)', 'How to confirm it is fixed', 'Send a test.',
    'The bounce looks cut short.', 'not in headers', 'raw text']) {
    assert.ok(text.includes(want), `missing: ${want}`);
  }
  // Hops are shown in travel order (position), whatever the array order.
  assert.ok(text.indexOf('client') < text.indexOf('mx.outlook.com'));
  assert.deepEqual(errors, []);
  await close();
});

test('absent, null and empty fields render without throwing', async () => {
  const { page, errors, close } = await open(env.browser, `${env.server.url}embed.html`);
  const partials = [
    {}, { verdict: null }, { verdict: { status: 'strange' } },
    { ...FULL, authentication: { spf: null, dkim: null, dmarc: null, arc: null } },
    { ...FULL, authentication: {}, bounce: {}, hops: [null, {}], antispam: [null, { fields: [null] }], causes: [null, { evidence: [null] }],
      fixes: [null, { steps: null }], headers: [null], route: null, input: { warnings: [null] } },
    { ...FULL, hops: 'not an array', antispam: {}, causes: 7, fixes: 'x', headers: null },
  ];
  for (const report of partials) {
    const text = await render(page, report);
    assert.equal(typeof text, 'string', JSON.stringify(report).slice(0, 80));
  }
  assert.deepEqual(errors, []);
  await close();
});
