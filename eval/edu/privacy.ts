// Redaction precision and recall per language, on the hand-written cases of test/agents/privacy.
import { createRedactor } from '../../agents/privacy/redact.ts';
import { de } from '../../test/agents/privacy/cases-de.ts';
import { en } from '../../test/agents/privacy/cases-en.ts';
import { fr } from '../../test/agents/privacy/cases-fr.ts';
import { lb } from '../../test/agents/privacy/cases-lb.ts';
import { score, type Score } from '../../test/agents/privacy/cases.ts';

export function redactionScores(): { lang: string; score: Score }[] {
  const redact = createRedactor();
  return [en, fr, de, lb].map((cases) => {
    const run = (input: string, expected: string) => {
      const out = redact(input, cases.lang);
      return { input, expected, actual: out.text, found: Object.fromEntries(out.found.map(({ kind, count }) => [kind, count])) };
    };
    return { lang: cases.lang, score: score([...cases.positives.map(([input, expected]) => run(input, expected)), ...cases.negatives.map((input) => run(input, input))]) };
  });
}
