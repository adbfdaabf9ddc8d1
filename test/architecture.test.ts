// Structure: calls flow from functions/ into agents/, db/ and prompts/, never back, and no files import each other in a circle.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cycleEdges, findCycles, forbiddenImports, importGraph, type Edge, type ImportGraph } from './support/imports.ts';

const FOLDERS = ['agents', 'db', 'prompts', 'functions', 'locales', 'web'];
// ~100 kB of bundled widget in one string literal, written by bin/build-web.ts; it imports nothing.
const GENERATED = ['functions/widget/assets.generated.ts'];
const INWARD = { from: ['agents', 'db', 'prompts'], to: ['functions'] };

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));
const arrow = ({ from, to }: Edge): string => `${from} → ${to}`;
const describeCycle = (graph: ImportGraph, cycle: string[]): string =>
  `[${cycle.join(', ')}]\n${cycleEdges(graph, cycle).map((edge) => `    ${arrow(edge)}`).join('\n')}`;

describe('findCycles', () => {
  it('finds two files importing each other', () => {
    expect(findCycles(graphOf({ 'b.ts': ['a.ts'], 'a.ts': ['b.ts'] }))).toEqual([['a.ts', 'b.ts']]);
  });

  it('finds a cycle through three files and leaves out the file that only leads into it', () => {
    const graph = graphOf({ 'in.ts': ['a.ts'], 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'] });
    expect(findCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('counts a file importing itself', () => {
    expect(findCycles(graphOf({ 'a.ts': ['a.ts', 'b.ts'], 'b.ts': [] }))).toEqual([['a.ts']]);
  });

  it('finds nothing in a graph without cycles, even where paths join again', () => {
    const graph = graphOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['d.ts'], 'c.ts': ['d.ts'], 'd.ts': ['outside.ts'] });
    expect(findCycles(graph)).toEqual([]);
  });

  it('reports separate cycles separately', () => {
    const graph = graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['a.ts', 'c.ts'], 'c.ts': ['d.ts'], 'd.ts': ['c.ts'] });
    expect(findCycles(graph)).toEqual([['a.ts', 'b.ts'], ['c.ts', 'd.ts']]);
  });
});

describe('forbiddenImports', () => {
  it('reports an import from a guarded folder into a forbidden one and allows the other direction', () => {
    const graph = graphOf({
      'agents/tool.ts': ['functions/leads/service.ts', 'db/queries/leads.ts'],
      'functions/leads/service.ts': ['agents/tool.ts'],
      'agents-old/x.ts': ['functions/app.ts'],
    });
    expect(forbiddenImports(graph, INWARD)).toEqual([{ from: 'agents/tool.ts', to: 'functions/leads/service.ts' }]);
  });
});

describe('cycleEdges', () => {
  it('lists only the imports between members of the cycle', () => {
    const graph = graphOf({ 'a.ts': ['b.ts', 'x.ts'], 'b.ts': ['a.ts'], 'x.ts': [] });
    expect(cycleEdges(graph, ['a.ts', 'b.ts'])).toEqual([{ from: 'a.ts', to: 'b.ts' }, { from: 'b.ts', to: 'a.ts' }]);
  });
});

describe('importGraph', () => {
  const root = mkdtempSync(join(tmpdir(), 'aif-imports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const plant = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  };
  plant({
    'agents/x.ts': "import type { Y } from '../functions/y.ts';\nexport type X = Y;\n",
    'agents/node_modules/pkg/index.ts': "import '../../../functions/y.ts';\n",
    'functions/y.ts': "import { z } from 'zod';\nexport type Y = string;\n",
    'functions/big.generated.ts': "import '../agents/x.ts';\n",
    'db/a.ts': "export { b } from './b';\n",
    'db/b.ts': "export const b = () => import('./dir');\n",
    'db/dir/index.ts': "import data from '../data.json' with { type: 'json' };\nimport css from './s.css';\nimport { b } from '../a.ts';\n",
    'db/data.json': '{}',
    'db/dir/s.css': '',
    'prompts/readme.md': "import '../functions/y.ts';\n",
  });
  const graph = importGraph(root, FOLDERS, ['functions/big.generated.ts']);

  it('resolves type-only, re-exported, dynamic, extension-less and folder imports, and nothing else', () => {
    expect(Object.fromEntries(graph)).toEqual({
      'agents/x.ts': ['functions/y.ts'],
      'db/a.ts': ['db/b.ts'],
      'db/b.ts': ['db/dir/index.ts'],
      'db/dir/index.ts': ['db/a.ts'],
      'functions/y.ts': [],
    });
  });

  it('lets the rules catch the planted cycle and the planted agents → functions import', () => {
    expect(findCycles(graph)).toEqual([['db/a.ts', 'db/b.ts', 'db/dir/index.ts']]);
    expect(forbiddenImports(graph, INWARD).map(arrow)).toEqual(['agents/x.ts → functions/y.ts']);
  });
});

describe('the source tree', () => {
  const graph = importGraph(process.cwd(), FOLDERS, GENERATED);

  it('is read whole: the modules the app starts from are in the graph', () => {
    expect(graph.get('functions/app.ts')).toContain('functions/middleware/errors.ts');
    expect(graph.size).toBeGreaterThan(50);
  });

  it('has no import from agents/, db/ or prompts/ into functions/', () => {
    const lines = forbiddenImports(graph, INWARD).map(arrow);
    expect(lines, `Imports into functions/ to remove:\n${lines.join('\n')}\n`).toEqual([]);
  });

  it('has no import cycle', () => {
    const lines = findCycles(graph).map((cycle) => describeCycle(graph, cycle));
    expect(lines, `Import cycles to untangle (files, then the imports between them):\n${lines.join('\n')}\n`).toEqual([]);
  });
});
