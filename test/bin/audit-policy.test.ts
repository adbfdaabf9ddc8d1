// CI's audit policy (bin/audit-policy.ts): advisories read from npm audit's JSON, high and critical ones blocking
// unless the allow-list accepts them with a recent review, and no report at all failing instead of passing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOW_LIST, AllowListSchema, findingsOf, judge, type Accepted, type Finding } from '../../bin/audit-policy.ts';

const advisory = (source: number, name: string, severity: string, ghsa: string) => ({
  source, name, dependency: name, title: `${name} is vulnerable`, url: `https://github.com/advisories/${ghsa}`, severity, cwe: [], cvss: { score: 7.5, vectorString: null }, range: '<2.0.0',
});

// The shape npm 11 prints for `npm audit --omit=dev --json`: a direct dependency reached through a vulnerable one.
const REPORT = {
  auditReportVersion: 2,
  vulnerabilities: {
    'deep-lib': { name: 'deep-lib', severity: 'high', isDirect: false, via: [advisory(1100001, 'deep-lib', 'high', 'GHSA-aaaa-bbbb-cccc'), advisory(1100002, 'deep-lib', 'moderate', 'GHSA-dddd-eeee-ffff')], effects: ['direct-lib'], range: '<2.0.0', nodes: ['node_modules/deep-lib'], fixAvailable: true },
    'direct-lib': { name: 'direct-lib', severity: 'high', isDirect: true, via: ['deep-lib'], effects: [], range: '1.0.0 - 1.4.0', nodes: ['node_modules/direct-lib'], fixAvailable: true },
    'other-lib': { name: 'other-lib', severity: 'critical', isDirect: true, via: [advisory(1100003, 'other-lib', 'critical', 'GHSA-gggg-hhhh-jjjj')], effects: [], range: '<2.0.0', nodes: ['node_modules/other-lib'], fixAvailable: false },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 2, critical: 1, total: 3 }, dependencies: { prod: 58, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 57 } },
};

const TODAY = new Date('2026-11-30T12:00:00Z');
const accept = (id: string, pkg: string, reviewed: string): Accepted => ({ id, package: pkg, reason: 'only reached through the build, never at run time', reviewed });
const ids = (findings: Finding[]) => findings.map((f) => f.id);

describe('findingsOf', () => {
  it('lists each advisory once with its GHSA id, skipping the packages that only lead to one', () => {
    expect(findingsOf(REPORT)).toEqual([
      { id: 'GHSA-aaaa-bbbb-cccc', package: 'deep-lib', severity: 'high', title: 'deep-lib is vulnerable', url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc', range: '<2.0.0' },
      expect.objectContaining({ id: 'GHSA-dddd-eeee-ffff', severity: 'moderate' }),
      expect.objectContaining({ id: 'GHSA-gggg-hhhh-jjjj', package: 'other-lib', severity: 'critical' }),
    ]);
  });

  it('finds nothing in a clean report', () => {
    expect(findingsOf({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} })).toEqual([]);
  });

  it('throws on what npm prints when the advisory endpoint fails, naming npm\'s message', () => {
    const unreachable = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } };
    expect(() => findingsOf(unreachable)).toThrow(/npm audit gave no report \(405 Method Not Allowed/);
    expect(() => findingsOf({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.npmjs.org' } })).toThrow(/ENOTFOUND registry\.npmjs\.org/);
  });
});

describe('judge', () => {
  const found = findingsOf(REPORT);

  it('blocks high and critical advisories that are not accepted, and only reports the rest', () => {
    const verdict = judge(found, [], TODAY);
    expect(ids(verdict.blocking)).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-gggg-hhhh-jjjj']);
    expect(verdict.blocking[0]!.why).toBe(`not in ${ALLOW_LIST}`);
    expect(ids(verdict.lower)).toEqual(['GHSA-dddd-eeee-ffff']);
  });

  it('accepts an advisory listed for its package with a review at most 90 days old', () => {
    const verdict = judge(found, [accept('GHSA-aaaa-bbbb-cccc', 'deep-lib', '2026-09-01')], TODAY);
    expect(ids(verdict.accepted)).toEqual(['GHSA-aaaa-bbbb-cccc']);
    expect(ids(verdict.blocking)).toEqual(['GHSA-gggg-hhhh-jjjj']);
  });

  it('does not accept an advisory listed for another package or reviewed too long ago', () => {
    const verdict = judge(found, [accept('GHSA-aaaa-bbbb-cccc', 'direct-lib', '2026-11-01'), accept('GHSA-gggg-hhhh-jjjj', 'other-lib', '2026-08-01')], TODAY);
    expect(ids(verdict.blocking)).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-gggg-hhhh-jjjj']);
    expect(verdict.blocking[1]!.why).toMatch(/review of 2026-08-01 is 121 days old \(at most 90\)/);
  });

  it('names allow-list entries that no advisory needs any more', () => {
    const gone = accept('GHSA-kkkk-mmmm-nnnn', 'fixed-lib', '2026-11-01');
    expect(judge(found, [gone], TODAY).unused).toEqual([gone]);
  });
});

describe(ALLOW_LIST, () => {
  it('is a valid allow-list whose entries each carry a reason and a review date', () => {
    expect(() => AllowListSchema.parse(JSON.parse(readFileSync(ALLOW_LIST, 'utf8')))).not.toThrow();
    expect(() => AllowListSchema.parse({ accepted: [{ id: 'GHSA-aaaa-bbbb-cccc', package: 'deep-lib', reviewed: '2026-11-30' }] })).toThrow(/reason/);
  });
});
