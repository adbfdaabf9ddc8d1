// CI's licence check (bin/licence-check.ts): licences read from package.json in every form npm accepts, judged
// against the allow-list with exceptions held to the exact licence; the command fails on a fixture project with a
// package whose licence is not allowed (installed, or only in the lock file) and passes on this repository.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOW_LIST, AllowListSchema, judge, licenceOf, listPackages, type AllowList, type Package } from '../../bin/licence-check.ts';
import { runCli } from './run-cli.ts';

const fixture = mkdtempSync(join(tmpdir(), 'aif-licences-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

const pkg = (name: string, licence: string | null, dev = false): Package => ({ name, version: '1.0.0', path: `node_modules/${name}`, licence, dev });
const ALLOW: AllowList = {
  allowed: ['MIT', 'Apache-2.0', 'MPL-2.0', 'LGPL-3.0-or-later'],
  exceptions: [{ package: 'word-list', licence: '(GPL-2.0 OR GPL-3.0)', reason: 'read by a test only, never shipped' }],
};

describe('licenceOf', () => {
  it.each([
    [{ license: 'MIT' }, 'MIT'],
    [{ license: ' Apache-2.0 ' }, 'Apache-2.0'],
    [{ license: { type: 'ISC', url: 'https://example.org' } }, 'ISC'],
    [{ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }, '(MIT OR Apache-2.0)'],
    [{ licenses: [{ type: 'BSD-3-Clause' }] }, 'BSD-3-Clause'],
    [{ license: '' }, null],
    [{}, null],
  ])('reads %j as %j', (manifest, expected) => {
    expect(licenceOf(manifest)).toBe(expected);
  });
});

describe('judge', () => {
  it('allows an expression the allowed licences satisfy, choosing within OR and needing every part of AND', () => {
    const verdict = judge([pkg('a', 'MIT'), pkg('b', '(MIT OR GPL-3.0-only)'), pkg('c', 'Apache-2.0 AND LGPL-3.0-or-later'), pkg('d', 'MIT or MPL-2.0'), pkg('e', 'MIT AND GPL-3.0-only')], ALLOW);
    expect(verdict.allowed.map((p) => p.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(verdict.refused).toEqual([expect.objectContaining({ name: 'e', why: '"MIT AND GPL-3.0-only" is not allowed' })]);
  });

  it('refuses a package with no licence or a licence that is not an SPDX expression', () => {
    const verdict = judge([pkg('none', null), pkg('vague', '(MIT AND BSD)'), pkg('closed', 'SEE LICENSE IN LICENSE.txt')], ALLOW);
    expect(verdict.refused.map((p) => [p.name, p.why])).toEqual([
      ['none', 'declares no licence'],
      ['vague', '"(MIT AND BSD)" is not an SPDX expression'],
      ['closed', '"SEE LICENSE IN LICENSE.txt" is not an SPDX expression'],
    ]);
  });

  it('applies an exception only to its package with the licence it was granted for, and names exceptions no longer needed', () => {
    expect(judge([pkg('word-list', '(GPL-2.0 OR GPL-3.0)', true)], ALLOW)).toMatchObject({ excepted: [{ name: 'word-list', reason: 'read by a test only, never shipped' }], refused: [], unused: [] });
    const relicensed = judge([pkg('word-list', 'GPL-3.0-only', true), pkg('other', '(GPL-2.0 OR GPL-3.0)')], ALLOW);
    expect(relicensed.refused.map((p) => p.name)).toEqual(['word-list', 'other']);
    expect(relicensed.unused).toEqual(ALLOW.exceptions);
  });
});

/** A project folder as npm leaves it: the lock file, and the packages installed for this platform. */
function writeProject(root: string) {
  const write = (path: string, value: unknown) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), JSON.stringify(value, null, 2));
  };
  write('package-lock.json', {
    name: 'fixture',
    lockfileVersion: 3,
    packages: {
      '': { name: 'fixture', license: 'EUPL-1.2' },
      'node_modules/fine-lib': { version: '2.0.0', license: 'MIT' },
      'node_modules/fine-lib/node_modules/@scope/nested': { version: '1.1.0', license: 'ISC' },
      'node_modules/gpl-only-lib': { version: '3.0.0', license: 'GPL-3.0-only' },
      'node_modules/old-style-lib': { version: '0.9.0', dev: true },
      'node_modules/other-platform-lib': { version: '1.0.0', license: 'SSPL-1.0', optional: true },
    },
  });
  write('node_modules/fine-lib/package.json', { name: 'fine-lib', version: '2.0.0', license: 'MIT' });
  write('node_modules/fine-lib/node_modules/@scope/nested/package.json', { name: '@scope/nested', version: '1.1.0', license: 'ISC' });
  write('node_modules/gpl-only-lib/package.json', { name: 'gpl-only-lib', version: '3.0.0', license: 'GPL-3.0-only' });
  // The installed package.json is what counts: the lock file records no licence for this one.
  write('node_modules/old-style-lib/package.json', { name: 'old-style-lib', version: '0.9.0', licenses: [{ type: 'MIT' }] });
}

describe('tsx bin/licence-check.ts', () => {
  it('lists a project\'s packages from its lock file, reading installed manifests first', () => {
    writeProject(fixture);
    expect(listPackages(fixture).map((p) => [p.name, p.licence, p.dev])).toEqual([
      ['fine-lib', 'MIT', false],
      ['@scope/nested', 'ISC', false],
      ['gpl-only-lib', 'GPL-3.0-only', false],
      ['old-style-lib', 'MIT', true],
      ['other-platform-lib', 'SSPL-1.0', false],
    ]);
  });

  it('fails on a project with a package whose licence is not allowed, naming it', async () => {
    writeProject(fixture);
    const run = await runCli('bin/licence-check.ts', [fixture]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('REFUSED: gpl-only-lib@3.0.0 (production, node_modules/gpl-only-lib): "GPL-3.0-only" is not allowed');
    expect(run.stderr).toContain('REFUSED: other-platform-lib@1.0.0 (production, node_modules/other-platform-lib): "SSPL-1.0" is not allowed');
    expect(run.stdout).toMatch(/^licences: 5 packages \(4 production, 1 development\): 3 allowed, 0 by exception, 2 refused$/m);
  });

  it('passes on this repository\'s own packages, production and development', async () => {
    const run = await runCli('bin/licence-check.ts', []);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^licences: \d+ packages \(\d+ production, \d+ development\): \d+ allowed, \d+ by exception, 0 refused$/m);
  });

  it(`reads ${ALLOW_LIST}, whose exceptions each give a reason`, () => {
    const allow = AllowListSchema.parse(JSON.parse(readFileSync(ALLOW_LIST, 'utf8')));
    expect(allow.allowed).toContain('EUPL-1.2');
    expect(() => AllowListSchema.parse({ ...allow, exceptions: [{ package: 'x', licence: 'GPL-3.0-only' }] })).toThrow(/reason/);
  });
});
