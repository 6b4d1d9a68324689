// The fixture matching rules of tests/fixtures/README.md, for the JS suites.
// Returns '' when `actual` matches `expected`, else where and why not.
export function match(expected, actual, path = 'report') {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    }
    for (const [key, want] of Object.entries(expected)) {
      if (key.length > 1 && key.endsWith('~')) {
        const name = key.slice(0, -1);
        const have = actual[name];
        if (typeof have !== 'string') return `${path}.${name}: not a string`;
        for (const w of Array.isArray(want) ? want : [want]) {
          if (!have.toLowerCase().includes(w.toLowerCase())) return `${path}.${name}: "${have}" does not contain "${w}"`;
        }
      } else if (key.length > 1 && key.endsWith('#')) {
        const name = key.slice(0, -1);
        if (!Array.isArray(actual[name]) || actual[name].length !== want) {
          return `${path}.${name}: expected ${want} elements, got ${JSON.stringify(actual[name])}`;
        }
      } else {
        if (!(key in actual)) return `${path}.${key}: missing`;
        const why = match(want, actual[key], `${path}.${key}`);
        if (why) return why;
      }
    }
    return '';
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array`;
    let j = 0;
    for (let i = 0; i < expected.length; i++) {
      let why = 'no element';
      for (; j < actual.length; j++) {
        why = match(expected[i], actual[j], `${path}[${j}]`);
        if (!why) break;
      }
      if (j === actual.length) return `${path}[${i}]: no match in order (last: ${why})`;
      j++;
    }
    return '';
  }
  return Object.is(expected, actual) ? '' : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
