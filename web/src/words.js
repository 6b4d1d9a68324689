// Words and symbols the renderers share: status is always said in words,
// with an icon beside it, never by colour alone.

export const STATUS = {
  ok: { icon: '\u2714', label: 'No problem found', mark: 'OK' },
  problem: { icon: '\u2716', label: 'Problem found', mark: 'PROBLEM' },
  warning: { icon: '\u26A0', label: 'Warning', mark: 'WARNING' },
  unknown: { icon: '?', label: 'Cannot tell', mark: 'UNKNOWN' },
};

export function statusOf(report) {
  return STATUS[report?.verdict?.status] ?? STATUS.unknown;
}

/** How a result word reads: its tone (good, bad, neutral) and icon. */
export function resultTone(result) {
  const r = String(result ?? 'unknown').toLowerCase();
  if (r === 'pass' || r === 'bestguesspass') return { tone: 'good', icon: '\u2714' };
  if (r === 'fail' || r === 'permerror' || r === 'policy') return { tone: 'bad', icon: '\u2716' };
  if (r === 'softfail' || r === 'temperror') return { tone: 'warn', icon: '\u26A0' };
  return { tone: 'neutral', icon: '\u2013' };
}

/** "aligned" as words, with the icon. */
export function alignedWords(aligned) {
  if (aligned === true) return { tone: 'good', icon: '\u2714', text: 'aligned' };
  if (aligned === false) return { tone: 'bad', icon: '\u2716', text: 'not aligned' };
  return { tone: 'neutral', icon: '\u2013', text: 'no identity' };
}

export const arr = (value) => (Array.isArray(value) ? value : []);
export const present = (value) => value !== null && value !== undefined && value !== '';
