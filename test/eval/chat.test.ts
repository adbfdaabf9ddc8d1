// The chat eval: its sets stay well formed, its scoring is right, and every language stays within eval/chat-floors.json.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../agents/language/languages.ts';
import { answerLanguage, factInAnswer, inLanguage, isGuided, isRefusal, loadChatSets, rates, runChatEval, turnsAway, type Case, type Outcome } from '../../eval/chat.ts';
import { containsKey, factKey, loadFacts } from '../../eval/facts.ts';

// A ratchet: floors (fact in answer, right language) only go up and ceilings (false refusals, false answers) only come
// down. When a change improves a rate, move its bound to what `npm run eval -- --chat` prints, rounded a little
// towards the worse side; never loosen one to let a change pass.
type Bounds = { factInAnswer: number; rightLanguage: number; falseRefusal: number; falseAnswer: number };
const bounds = JSON.parse(readFileSync(new URL('../../eval/chat-floors.json', import.meta.url), 'utf8')) as Record<string, Bounds>;
const facts = new Map(loadFacts().map((fact) => [fact.id, fact]));

describe('chat eval sets', () => {
  it.each(LANGS)('in %s have the size the issue asks for', (lang) => {
    const sets = loadChatSets(lang);
    expect(sets.keywords.length).toBeGreaterThanOrEqual(15);
    expect(sets.greetings.length).toBeGreaterThanOrEqual(8);
    expect(sets.followUps.length).toBeGreaterThanOrEqual(6);
    expect(sets.sme.length).toBeGreaterThanOrEqual(8);
    expect(sets.sharedWords.length).toBeGreaterThanOrEqual(15);
  });

  it.each(LANGS)('in %s name known facts without giving away their key, in short keyword questions', (lang) => {
    const sets = loadChatSets(lang);
    const asked = [...sets.keywords.map((k) => ({ text: k.question, factId: k.factId })), ...sets.followUps.map((f) => ({ text: f.followUp, factId: f.factId }))];
    for (const { text, factId } of asked) {
      const fact = facts.get(factId);
      expect(fact, `${lang} "${text}"`).toBeDefined();
      // A question holding the key would find it in any reply that merely repeats the question's words.
      expect(containsKey(text, factKey(fact!, lang)), `${lang} "${text}" holds its key`).toBe(false);
    }
    // 2–3 words, plus the articles and prepositions French and Luxembourgish need.
    for (const { question } of sets.keywords) expect(question.split(/[\s']+/).filter((word) => /\p{L}/u.test(word)).length, question).toBeLessThanOrEqual(5);
  });

  it.each(LANGS)('in %s ask nothing twice', (lang) => {
    const sets = loadChatSets(lang);
    const all = [...sets.keywords.map((k) => k.question), ...sets.greetings, ...sets.followUps.flatMap((f) => [f.first, f.followUp]), ...sets.sme, ...sets.sharedWords];
    expect(new Set(all.map((q) => q.toLowerCase())).size).toBe(all.length);
  });
});

describe('chat eval scoring', () => {
  const reply = (answer: string, answered: boolean, lang = 'lb', actions: { type: string }[] = []) => ({ answer, answered, lang, actions });
  const lbPassage = '> MeluXina ass den nationale Supercomputer vu Lëtzebuerg; LuxProvide bedreift hien dank sengem héije Sécherheetsniveau fir Start-uppen, Banken a Pharmaentreprisen. [1]';
  const deSentence = 'Der Supercomputer wird von LuxProvide betrieben, weil seine hohe Sicherheit für Banken und Pharmaunternehmen wichtig ist.';
  const greeting: Case = { lang: 'lb', set: 'greetings', question: 'Moien', inScope: true };
  const sme: Case = { lang: 'lb', set: 'sme', question: 'Ech hunn eng Bäckerei, ka KI mer hëllefen?', inScope: true };

  it("finds a fact by its key in the language's own wording", () => {
    const ministry = facts.get('f03')!;
    expect(factInAnswer('Et gëtt vum Wirtschaftsministère ënnerstëtzt.', ministry, 'lb')).toBe(true);
    expect(factInAnswer('It is backed by the Ministry of the Economy.', ministry, 'lb')).toBe(false);
    expect(factInAnswer('Founded in 2013.', facts.get('f09')!, 'en')).toBe(false);
  });

  it('reads the language of the text, not only the label, and tells Luxembourgish from German', () => {
    expect(answerLanguage(lbPassage)).toBe('lb');
    expect(answerLanguage(deSentence)).toBe('de');
    expect(inLanguage(reply(lbPassage, true), 'lb')).toBe(true);
    expect(inLanguage(reply(deSentence, true, 'lb'), 'lb')).toBe(false);
    expect(inLanguage(reply(lbPassage, true, 'de'), 'lb')).toBe(false);
  });

  it('counts a refusal by `answered`, a greeting by its wording, and a vague company question as served by guidance', () => {
    expect(isRefusal(reply(lbPassage, false))).toBe(true);
    expect(turnsAway(greeting, reply('Moien! Ech sinn den Assistent.', false), ['Pardon, ech fannen näischt.'])).toBe(false);
    expect(turnsAway(greeting, reply('Pardon, ech fannen näischt.', false), ['Pardon, ech fannen näischt.'])).toBe(true);
    expect(isGuided(reply('Pardon.', false, 'lb', [{ type: 'lead_form' }]))).toBe(true);
    expect(isGuided(reply('De Pilier Assess & Accelerate hëlleft.', false))).toBe(true);
    expect(turnsAway(sme, reply('Pardon.', false, 'lb', [{ type: 'lead_form' }]), [])).toBe(false);
    expect(turnsAway(sme, reply('Pardon.', false), [])).toBe(true);
  });
});

describe('chat eval (offline, in-process, through POST /api/chat)', () => {
  let outcomes: Outcome[];
  beforeAll(async () => {
    ({ outcomes } = await runChatEval());
  }, 120_000);

  it.each(LANGS)('in %s stays within the ratcheted floors and ceilings', (lang) => {
    const measured = rates(outcomes.filter((o) => o.case.lang === lang));
    const bound = bounds[lang]!;
    expect(measured.factInAnswer!, 'fact in answer').toBeGreaterThanOrEqual(bound.factInAnswer);
    expect(measured.rightLanguage!, 'right language').toBeGreaterThanOrEqual(bound.rightLanguage);
    expect(measured.falseRefusal!, 'false refusals').toBeLessThanOrEqual(bound.falseRefusal);
    expect(measured.falseAnswer!, 'false answers').toBeLessThanOrEqual(bound.falseAnswer);
  });
});
