// Where the JS suites find things; each can be overridden from the environment.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoRoot = root;
export const fixturesDir = process.env.MAILVERDICT_FIXTURES ?? join(root, 'tests', 'fixtures');
export const webDir = process.env.MAILVERDICT_WEB ?? join(root, 'build', 'web');
export const corpusDir = process.env.MAILVERDICT_CORPUS ?? join(root, '..', 'shared', 'corpus');
export const cliPath = process.env.MAILVERDICT_CLI ?? join(root, 'build', 'bin', 'mailverdict');
