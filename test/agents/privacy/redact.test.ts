// The redactor over the hand-written cases of each language: exact outputs, precision and recall (printed), and speed.
import { describe, expect, it } from 'vitest';
import { createRedactor, redact } from '../../../agents/privacy/redact.ts';
import { de } from './cases-de.ts';
import { en } from './cases-en.ts';
import { fr } from './cases-fr.ts';
import { lb } from './cases-lb.ts';
import { ratio, score, type LangCases } from './cases.ts';

const LANGUAGES: LangCases[] = [en, fr, de, lb];

function run({ lang, positives, negatives }: LangCases) {
  const redactor = createRedactor();
  const cases = [...positives, ...negatives.map((text) => [text, text] as const)];
  return score(
    cases.map(([input, expected]) => {
      const result = redactor(input, lang);
      return { input, expected, actual: result.text, found: Object.fromEntries(result.found.map(({ kind, count }) => [kind, count])) };
    }),
  );
}

describe('redact over the cases', () => {
  it.each(LANGUAGES.map((cases) => [cases.lang, cases] as const))('%s: has at least 40 positive and 40 negative cases', (_, cases) => {
    expect(cases.positives.length).toBeGreaterThanOrEqual(40);
    expect(cases.negatives.length).toBeGreaterThanOrEqual(40);
    expect(cases.positives.every(([, expected]) => /\[(email|phone|iban|id-number|address|name)\]/.test(expected))).toBe(true);
  });

  it.each(LANGUAGES.map((cases) => [cases.lang, cases] as const))('%s: finds every kind expected, nothing else, and changes no other text', (lang, cases) => {
    const s = run(cases);
    const precision = ratio(s.tp, s.tp + s.fp);
    const recall = ratio(s.tp, s.tp + s.fn);
    console.log(
      `redaction ${lang}: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}); ` +
        `exact ${s.exact}/${s.cases} over ${cases.positives.length} positive and ${cases.negatives.length} negative cases`,
    );
    expect(s.misses, `cases not redacted as written:\n${s.misses.join('\n')}`).toEqual([]);
  });
});

describe('redact', () => {
  it('reports what it removed by kind and count, in a fixed order, without the data', () => {
    const result = redact('My pupil Max (max@school.lu) and my pupil Léa (lea@school.lu), tel. 621 123 456.', 'en');
    expect(result.found).toEqual([
      { kind: 'email', count: 2 },
      { kind: 'phone', count: 1 },
      { kind: 'name', count: 2 },
    ]);
    expect(result.text).toBe('My pupil [name] ([email]) and my pupil [name] ([email]), tel. [phone].');
  });

  it('returns the text unchanged and an empty list when there is nothing to remove', () => {
    expect(redact('How do I explain neural networks to 12-year-olds?', 'en')).toEqual({ text: 'How do I explain neural networks to 12-year-olds?', found: [] });
    expect(redact('', 'lb')).toEqual({ text: '', found: [] });
  });

  it('gives overlapping detections to the stronger kind: an IBAN is not also a phone number, an e-mail not a name', () => {
    expect(redact('IBAN LU28 0019 4006 4475 0000', 'en').found).toEqual([{ kind: 'iban', count: 1 }]);
    expect(redact('my pupil Max.Weber@school.lu', 'en').text).toBe('my pupil [email]');
  });

  it('uses the name adapters it is given instead of the default', () => {
    const classList = () => [{ start: 0, end: 4 }];
    expect(redact('Noah was late again, said my pupil Max.', 'en', { names: [classList] })).toEqual({ text: '[name] was late again, said my pupil Max.', found: [{ kind: 'name', count: 1 }] });
  });

  it('redacts a 4,000-character message in well under a millisecond once compiled (printed, not asserted)', () => {
    const compileStart = performance.now();
    const redactor = createRedactor();
    console.log(`redaction: detectors compiled in ${(performance.now() - compileStart).toFixed(3)} ms`);
    const prose =
      'My pupil Max lives at 12, rue de la Gare, L-1234 Luxembourg and his mother is on 621 123 456 or max.mother@post.lu. ' +
      'The workshop on 15.03.2024 at 09:00 costs 12,50 € and the AI Factory organises between 140 and 200 courses a year. ' +
      'MeluXina-AI should become 15 times more powerful by 2030, said Arnaud Lambert; see Art. 5(1)(f) GDPR and course INF-2031. ';
    const numeric = '2024-03-15 09:00 12,50 € 1.234,56 EUR 71 % 2 500 000 € 15.03.2024 INF-2031 B-204 18/20 2.4.1 140 200 13 5 ';
    const message = (unit: string) => unit.repeat(Math.ceil(4000 / unit.length)).slice(0, 4000);
    const plain = 'How can I use generative AI to prepare differentiated reading exercises for my pupils without sharing anything about them? ';
    const soup = '1985 0315 0651 ';
    const cases = [
      ['prose with personal data', message(prose)],
      ['numbers only', message(numeric)],
      ['a question without personal data', message(plain)],
      ['number soup, the worst case', message(soup)],
    ] as const;
    for (const [label, text] of cases) {
      for (let i = 0; i < 50; i++) redactor(text, 'en');
      const runs = 300;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        redactor(text, 'en');
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(runs / 2)]!;
      const p95 = times[Math.floor(runs * 0.95)]!;
      console.log(`redaction timing, 4,000 characters (${label}): min ${times[0]!.toFixed(3)} ms, p50 ${p50.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms over ${runs} runs`);
      expect(p50).toBeGreaterThan(0);
    }
  });
});
