// Builds the Node entry into one JavaScript module, build/server.mjs, which `npm start` runs (npm runs this first, as
// `prestart`): the production process then loads no TypeScript loader. Under tsx the same entry took 1.5–2 s longer
// to import, and esbuild's keepNames wrappers, which tsx adds to every function made at run time, cost about
// 0.16 ms of a turn (issue 15). Packages stay in node_modules, imported as they are.
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_BUNDLE = `${root}build/server.mjs`;

// A module that finds files beside itself (the knowledge, the migrations) keeps its own location in the bundle.
const ownLocation: Plugin = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

export async function buildServer(): Promise<void> {
  await build({
    stdin: { contents: "import { main } from './functions/entry.node.ts';\nawait main();\n", resolveDir: root, sourcefile: 'server.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: SERVER_BUNDLE,
    plugins: [ownLocation],
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
