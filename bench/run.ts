// `npm run bench`: prints every performance figure of design.md; it asserts nothing.
import { benchRetrieval } from './retrieval.ts';
import { benchTurn } from './turn.ts';

for (const line of await benchRetrieval()) console.log(line);
console.log('');
for (const line of await benchTurn()) console.log(line);
