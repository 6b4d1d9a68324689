// Warming the core up while the page is idle. A browser runs new WebAssembly
// code first through a quick baseline compiler and optimizes a function only
// after it has done a fair amount of work (V8: Liftoff, then TurboFan in the
// background). Left to the person's first pastes, that makes the first few
// dozen analyses of a long header 3 to 5 times slower than the later ones.
// So once the core is loaded, and only when the browser has nothing else to
// do, the core analyzes a made-up message and a bounce, a run per idle
// moment, and stops after a fixed number of runs (or a bounded amount of
// work). It sends nothing anywhere and changes no state the element shows:
// the reports are thrown away.
import { load } from './mailverdict.mjs';

// A made-up header block in the shape real ones have: relays, authentication
// results, a DKIM signature, ARC, encoded words, spam filter fields, and a
// bounce notice after it, so the bounce reader warms up as well.
function madeUpHeaders(hop) {
  const ip = `192.0.2.${10 + hop}`;
  return [
    `Received: from relay${hop}.example.net (relay${hop}.example.net [${ip}])`,
    `\tby mx${hop}.example.com (Postfix) with ESMTPS id 4Y${hop}Qz1k2Lm3`,
    `\tfor <person@example.com>; Thu, 26 Nov 2026 10:${String(10 + hop).padStart(2, '0')}:05 +0000 (UTC)`,
    `Authentication-Results: mx${hop}.example.com; dkim=pass (2048-bit key) header.d=example.org`,
    '\theader.i=@example.org header.s=s2026 header.b=Qm9ndXM1;',
    `\tspf=pass (mx${hop}.example.com: domain of bounces@mail.example.org designates ${ip} as permitted sender)`,
    '\tsmtp.mailfrom=bounces@mail.example.org; dmarc=pass (p=QUARANTINE sp=NONE dis=NONE) header.from=example.org',
    `ARC-Authentication-Results: i=${hop + 1}; mx${hop}.example.com; dkim=pass header.d=example.org; spf=pass`,
    '\tsmtp.mailfrom=mail.example.org; dmarc=pass header.from=example.org',
    'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=s2026; t=1795694705;',
    '\th=from:to:subject:date:message-id:mime-version; bh=frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=;',
    '\tb=Qm9ndXNzaWduYXR1cmVRbTluZFhOemFXZHVZWFIxY21WUmJUbHVaRmh',
  ];
}

function madeUpMessage() {
  const lines = [];
  for (let hop = 0; hop < 6; hop++) lines.push(...madeUpHeaders(hop));
  lines.push(
    'X-Forefront-Antispam-Report: CIP:192.0.2.10;CTRY:NL;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:relay0.example.net;CAT:NONE;SFS:;DIR:INB;',
    'X-Spam-Status: No, score=-0.1 required=5.0 tests=DKIM_SIGNED,DKIM_VALID,SPF_PASS autolearn=ham',
    'From: =?UTF-8?Q?Caf=C3=A9_Newsletter?= <news@example.org>',
    'To: Person <person@example.com>',
    'Subject: =?UTF-8?B?V2Vla2x5IG5ld3MgLSBOb3ZlbWJlcg==?=',
    'Date: Thu, 26 Nov 2026 10:09:58 +0000',
    'Message-ID: <20261126100958.1234@mail.example.org>',
    'List-Unsubscribe: <mailto:unsubscribe@example.org>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello.',
    '');
  return lines.join('\r\n');
}

const MADE_UP_BOUNCE = [
  'From: Mail Delivery Subsystem <mailer-daemon@example.com>',
  'To: sender@example.org',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain',
  '',
  'The message could not be delivered to <person@example.net>:',
  '550 5.7.1 Service unavailable, client host [192.0.2.10] blocked using a block list',
  '',
  '--b1',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.com',
  '',
  'Final-Recipient: rfc822; person@example.net',
  'Action: failed',
  'Status: 5.7.1',
  'Diagnostic-Code: smtp; 550 5.7.1 Service unavailable, client host [192.0.2.10] blocked',
  '',
  '--b1--',
  '',
].join('\r\n');

/** The texts the warm-up analyzes. */
export function warmUpTexts() {
  return [madeUpMessage(), MADE_UP_BOUNCE];
}

// Measured in Chromium 156 on the 20 KB header of the benchmark: its
// analysis took 11 ms with no warm-up, 4.2 ms after 20 runs, 3.1-3.5 ms after
// 40 and 2.6 ms after 80 (a run: 2 to 7 ms once compiled, on the development
// machine). The runs stop earlier if they have taken more than MAX_WORK_MS in
// all (a slow machine).
const RUNS = 60;
const MAX_WORK_MS = 1500;

let started = false;

function whenIdle(callback) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(() => callback(null), 50);
}

/**
 * Starts warming the core up (once per page); resolves when it has stopped.
 * Marks `mail-verdict-warm` on the performance timeline when done.
 */
export function warmUp() {
  if (started || typeof performance === 'undefined') return Promise.resolve();
  started = true;
  const texts = warmUpTexts();
  return load().then((core) => new Promise((resolve) => {
    let runs = 0;
    let work = 0;
    const times = [];
    const step = (deadline) => {
      // Only in a moment the browser has to spare (about 15 ms suffice).
      if (deadline && deadline.timeRemaining() < 15 && !deadline.didTimeout) {
        whenIdle(step);
        return;
      }
      const t0 = performance.now();
      try {
        for (const text of texts) core.analyze(text);
      } catch {
        resolve();
        return;
      }
      const took = performance.now() - t0;
      runs++;
      work += took;
      times.push(Math.round(took * 10) / 10);
      if (runs >= RUNS || work >= MAX_WORK_MS) {
        performance.mark('mail-verdict-warm', { detail: { runs, workMs: Math.round(work), times } });
        resolve();
        return;
      }
      whenIdle(step);
    };
    whenIdle(step);
  }), () => {});
}
