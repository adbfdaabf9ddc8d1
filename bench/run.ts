// `npm run bench`: prints every performance figure of design.md; it asserts nothing.
import { benchRetrieval } from './retrieval.ts';

for (const line of await benchRetrieval()) console.log(line);
