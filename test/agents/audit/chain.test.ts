import { describe, expect, it } from 'vitest';
import { GENESIS, seal, verifyChain, type AuditRow } from '../../../agents/audit/chain.ts';

const rows = (n: number): AuditRow[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, at: 1_000 + i, actor: `staff:${i}`, action: 'lead.promoted', subjectType: 'lead', subjectId: `L${i}`, details: { n: i }, prevHash: null, hash: null }));
const sealed = (list: AuditRow[]): AuditRow[] => {
  const seals = seal(GENESIS, list);
  return list.map((row, i) => ({ ...row, prevHash: seals[i]!.prevHash, hash: seals[i]!.hash }));
};

describe('the audit hash chain', () => {
  it('holds for sealed rows, with unsealed ones after them', () => {
    const all = [...sealed(rows(4)), ...rows(6).slice(4)];
    expect(verifyChain(all)).toEqual({ ok: true, sealed: 4, unsealed: 2 });
  });

  it('continues from the newest seal', () => {
    const first = sealed(rows(3));
    const rest = rows(5).slice(3);
    const seals = seal(first.at(-1)!.hash!, rest);
    const all = [...first, ...rest.map((row, i) => ({ ...row, ...seals[i]! }))];
    expect(verifyChain(all)).toEqual({ ok: true, sealed: 5, unsealed: 0 });
  });

  it.each([
    ['a changed field', (all: AuditRow[]) => all.map((row) => (row.id === 3 ? { ...row, actor: 'someone else' } : row)), 3, /fields/],
    ['a changed detail', (all: AuditRow[]) => all.map((row) => (row.id === 2 ? { ...row, details: { n: 99 } } : row)), 2, /fields/],
    ['a removed row', (all: AuditRow[]) => all.filter((row) => row.id !== 3), 4, /removed or inserted/],
    ['an unsealed row before a sealed one', (all: AuditRow[]) => all.map((row) => (row.id === 2 ? { ...row, hash: null } : row)), 2, /not sealed/],
  ])('names the first broken row after %s', (_, tamper, id, reason) => {
    const verdict = verifyChain(tamper(sealed(rows(5))));
    expect(verdict).toMatchObject({ ok: false, firstBroken: id });
    expect(verdict.ok === false && verdict.reason).toMatch(reason);
  });
});
