// The route: each hop in travel order (origin first), how long it waited,
// a bar for the delay, and flags for missing TLS and clock skew.
import { h } from './dom.js';
import { arr, present } from './words.js';

function seconds(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function delayText(hop) {
  if (present(hop?.delay_text)) return hop.delay_text;
  const s = seconds(hop?.delay);
  return s === null ? 'unknown' : `${s} s`;
}

function host(name, ip) {
  if (!present(name) && !present(ip)) return h('span', { class: 'muted' }, 'unknown');
  return h('span', { class: 'host' }, present(name) ? name : '', present(ip) ? h('span', { class: 'muted' }, ` [${ip}]`) : null);
}

// Timestamps with and without fractions of a second differ by less than a
// second without any clock being wrong.
const SKEW_SECONDS = -1;
const isSkew = (s) => s !== null && s <= SKEW_SECONDS;

// "TLS1_3", "TLSv1.2" -> "TLS 1.3", "TLS 1.2".
function tlsLabel(version) {
  if (!present(version)) return 'TLS';
  const v = String(version).replace(/^TLS\s*v?/i, '').replace(/_/g, '.');
  return v ? `TLS ${v}` : 'TLS';
}

// The core warns (no_tls) only when a hop without TLS crossed the network
// between two public machines; a hand-off inside one organization (a
// private address, no client named) is shown without alarm.
function crossedUnencrypted(hop) {
  return hop?.tls === false && arr(hop?.warnings).some((w) => w?.code === 'no_tls');
}

function flags(hop) {
  const out = [];
  if (crossedUnencrypted(hop)) {
    out.push(h('span', { class: 'badge tone-warn' }, h('span', { 'aria-hidden': 'true' }, '\u26A0'), ' no TLS'));
  } else if (hop?.tls === false) {
    out.push(h('span', { class: 'badge tone-neutral' }, 'no TLS (internal hand-off)'));
  } else if (hop?.tls === true) {
    out.push(h('span', { class: 'badge tone-good' }, h('span', { 'aria-hidden': 'true' }, '\u2714'), ` ${tlsLabel(hop.tls_version)}`));
  }
  if (isSkew(seconds(hop?.delay))) {
    out.push(h('span', { class: 'badge tone-bad' }, h('span', { 'aria-hidden': 'true' }, '\u26A0'), ' clock skew'));
  }
  if (hop?.boundary) out.push(h('span', { class: 'badge tone-neutral' }, 'entered the receiver here'));
  return out;
}

export function renderRoute(report) {
  const hops = arr(report?.hops).slice().sort((a, b) => (a?.position ?? 0) - (b?.position ?? 0));
  if (!hops.length) return null;
  const route = report?.route ?? {};
  // Bars scale to the longest wait, but to at least 10 seconds, so that
  // sub-second hops look as quick as they are.
  const max = Math.max(10, ...hops.map((x) => Math.abs(seconds(x?.delay) ?? 0)));
  const warnings = arr(route.warnings);
  return h('section', { class: 'panel route', part: 'route', 'aria-labelledby': 'route-h' },
    h('h3', { id: 'route-h' }, 'Route'),
    h('p', { class: 'muted' }, `${hops.length} hop${hops.length === 1 ? '' : 's'}, from the sender to the final mailbox`,
      present(route.total_delay_text) ? h('span', {}, '; total time ', h('strong', { class: 'total-delay' }, route.total_delay_text)) : null,
      route.skipped_hops > 0 ? `; ${route.skipped_hops} earlier hops not shown` : null, '.'),
    h('ol', { class: 'hops' }, hops.map((hop) => {
      const s = seconds(hop?.delay);
      return h('li', { class: `hop${crossedUnencrypted(hop) ? ' hop-no-tls' : ''}${isSkew(s) ? ' hop-skew' : ''}` },
        h('div', { class: 'hop-path' },
          host(hop?.from ?? hop?.helo ?? hop?.rdns, hop?.ip), h('span', { class: 'arrow', 'aria-label': 'to' }, ' \u2192 '),
          host(hop?.by, hop?.by_ip),
          present(hop?.with) ? h('span', { class: 'muted' }, ` with ${hop.with}`) : null),
        h('div', { class: 'hop-meta' },
          h('span', { class: 'delay-bar', 'aria-hidden': 'true' },
            h('span', { class: `delay-fill${isSkew(s) ? ' negative' : ''}`,
              style: { width: `${s === null ? 0 : Math.max(2, (Math.abs(s) / max) * 100)}%` } })),
          h('span', { class: 'delay' }, delayText(hop)),
          present(hop?.time) ? h('span', { class: 'muted time' }, ` at ${hop.time}`) : null,
          flags(hop)),
        arr(hop?.warnings).length
          ? h('ul', { class: 'hop-warnings' }, arr(hop.warnings).map((w) => h('li', {}, w?.message ?? String(w))))
          : null);
    })),
    warnings.length ? h('ul', { class: 'route-warnings' }, warnings.map((w) => h('li', {}, w?.message ?? String(w)))) : null);
}
