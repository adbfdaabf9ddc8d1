// `npm run bench`: prints every performance figure of design.md and issue 15; it asserts nothing.
import { benchRetrieval } from './retrieval.ts';
import { benchSideBySide } from './side-by-side/index.ts';

for (const line of await benchRetrieval()) console.log(line);
console.log('');
for (const line of await benchSideBySide()) console.log(line);
