/** Regenerates the README's policy-format and rule tables from the schema and the rule catalogue. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedSections } from '../lib/docs/tables';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withGeneratedSections(before);
writeFileSync(path, after);
console.log(before === after ? 'README.md was already up to date.' : 'README.md tables regenerated.');
