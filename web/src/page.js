// The page around <mail-verdict>: sample buttons, dropping a file anywhere,
// the theme toggle and the share link. The page's markup is static (index.html);
// this only wires it, so a saved copy of the page works the same.
import { MailVerdictElement } from './define.js';
import { samples } from './samples.js';
import { encodeShare, decodeShare, redactLocalParts } from './share.js';

const MAX_SHARE_URL = 64 * 1024;
const analyzer = document.querySelector('mail-verdict');
const $ = (selector) => document.querySelector(selector);

function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  analyzer?.setAttribute('theme', theme);
  const toggle = $('#theme-toggle');
  if (toggle) toggle.setAttribute('aria-pressed', String(theme === 'dark'));
}

function initialTheme() {
  try {
    const saved = localStorage.getItem('mailverdict-theme');
    if (saved === 'dark' || saved === 'light') return saved;
  } catch { /* storage may be off: follow the system */ }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function wireTheme() {
  setTheme(initialTheme());
  $('#theme-toggle')?.addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    setTheme(next);
    try { localStorage.setItem('mailverdict-theme', next); } catch { /* not kept */ }
  });
}

function wireSamples() {
  for (const button of document.querySelectorAll('[data-sample]')) {
    const sample = samples.find((s) => s.id === button.dataset.sample);
    if (!sample) { button.hidden = true; continue; }
    button.title = `Source: ${sample.source}`;
    button.addEventListener('click', () => {
      analyzer.dmarcRecord = '';
      analyzer.spfRecord = '';
      analyzer.value = sample.text;
    });
  }
}

function wireDrop() {
  document.addEventListener('dragover', (e) => {
    if ([...(e.dataTransfer?.types ?? [])].includes('Files')) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    analyzer.openFile(file);
  });
}

function wireShare() {
  const link = $('#share-link');
  const status = $('#share-status');
  const copy = $('#share-copy');
  $('#share-create')?.addEventListener('click', async () => {
    const text = analyzer.value;
    if (!text.trim()) {
      status.textContent = 'Paste something first: the link carries what you pasted.';
      return;
    }
    const redact = $('#share-redact')?.checked;
    const hash = await encodeShare({
      text: redact ? redactLocalParts(text) : text,
      dmarcRecord: analyzer.dmarcRecord, spfRecord: analyzer.spfRecord,
    });
    const url = `${location.href.split('#')[0]}${hash}`;
    if (url.length > MAX_SHARE_URL) {
      link.value = '';
      copy.disabled = true;
      status.textContent = `The link would be ${Math.round(url.length / 1024)} KB long, too long to share. Paste only the headers.`;
      return;
    }
    link.value = url;
    copy.disabled = false;
    status.textContent = redact
      ? 'Link ready. Local parts of addresses were replaced (user1, user2, ...); domains and the rest are in it.'
      : 'Link ready. It contains everything you pasted.';
  });
  copy?.addEventListener('click', async () => {
    link.select();
    try {
      await navigator.clipboard.writeText(link.value);
      status.textContent = 'Link copied.';
    } catch {
      status.textContent = 'Select the link and copy it by hand.';
    }
  });
}

async function restoreShared() {
  const payload = await decodeShare(location.hash);
  if (!payload) {
    if (location.hash.startsWith('#share=')) $('#share-status').textContent = 'This share link is damaged: it could not be opened.';
    return;
  }
  analyzer.dmarcRecord = payload.dmarcRecord;
  analyzer.spfRecord = payload.spfRecord;
  analyzer.value = payload.text;
  $('#shared-note').hidden = false;
}

if (analyzer instanceof MailVerdictElement) {
  wireTheme();
  wireSamples();
  wireDrop();
  wireShare();
  restoreShared();
  addEventListener('hashchange', restoreShared);
}
