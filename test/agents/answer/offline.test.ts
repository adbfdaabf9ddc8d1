import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bestSentences, composeOfflineAnswer } from '../../../agents/answer/offline.ts';
import { agesAsked, answersType, asksWhatIs, countsAsked, coversAge, definition, questionType, type QuestionType } from '../../../agents/answer/question-type.ts';
import { opensWithReference, splitSentences } from '../../../agents/answer/sentences.ts';
import { LANGS, type Lang } from '../../../agents/language/languages.ts';
import { chunkDocument, parseDocument } from '../../../agents/retrieval/document.ts';
import type { SearchResult } from '../../../agents/retrieval/search.ts';

const t = (key: string) => `<${key}>`;

async function chunksOf(lang: Lang, docId: string): Promise<SearchResult[]> {
  const raw = readFileSync(new URL(`../../../knowledge/${lang}/${docId}.md`, import.meta.url), 'utf8');
  const chunks = await chunkDocument(parseDocument(raw, `${lang}/${docId}.md`));
  return chunks.map((chunk) => ({ ...chunk, score: 1, lexical: null }));
}

/** The real knowledge passage of a document that contains a piece of text, as search returns it. */
async function passage(lang: Lang, docId: string, containing: string): Promise<SearchResult> {
  const found = (await chunksOf(lang, docId)).find((chunk) => chunk.text.includes(containing));
  if (!found) throw new Error(`no passage of ${lang}/${docId} contains ${containing}`);
  return found;
}

const quotesOf = (text: string) => text.split('\n\n').filter((block) => block.startsWith('> '));
/** A passage of an English document of its own, for a text written in the test. */
const passageOf = (text: string, docId = `doc-${text.length}`): SearchResult => ({ docId, chunkId: `${docId}:en:0`, title: 'Plan', lang: 'en', score: 1, text, headingPath: [], lexical: null });

describe('composeOfflineAnswer', () => {
  it.each<[Lang, string]>([
    ['en', 'Who runs the MeluXina supercomputer?'],
    ['fr', 'Qui exploite le supercalculateur MeluXina ?'],
    ['de', 'Wer betreibt den Supercomputer MeluXina?'],
    ['lb', 'Wien bedreift de Supercomputer MeluXina?'],
  ])('answers who (%s) first with a sentence naming the operator, citing only the passages it quotes', async (lang, question) => {
    const passages = [await passage(lang, 'meluxina-supercomputer', 'HPC'), await passage(lang, 'meluxina-supercomputer', 'LuxProvide'), await passage(lang, 'strategic-sectors', '4')];
    const { text, sources } = composeOfflineAnswer(question, lang, passages, t);
    const quotes = quotesOf(text);
    expect(text.startsWith('<chat:offline.framing>')).toBe(true);
    expect(text.endsWith('<chat:offline.staff_offer>')).toBe(true);
    expect(quotes[0]).toContain('LuxProvide');
    expect(quotes.length).toBeLessThanOrEqual(3);
    expect(sources.map((source) => source.n)).toEqual(sources.map((_, i) => i + 1));
    for (const source of sources) expect(text).toContain(`[${source.n}]`);
    expect(sources.some((source) => source.docId === 'strategic-sectors')).toBe(false);
  });

  it.each<[Lang, string]>([
    ['en', 'When was the AI Factory announced?'],
    ['fr', 'Quand l’AI Factory a-t-elle été annoncée ?'],
    ['de', 'Wann wurde die AI Factory angekündigt?'],
    ['lb', 'Wéini gouf d’AI Factory ugekënnegt?'],
  ])('answers when (%s) with the date, and with the sentence its "it" refers to', async (lang, question) => {
    const faq = await passage(lang, 'faq', '2024');
    const [named, referring] = splitSentences(faq.text, lang);
    expect(opensWithReference(referring!, lang)).toBe(true);
    const quotes = quotesOf(composeOfflineAnswer(question, lang, [faq], t).text);
    expect(quotes[0]).toBe(`> ${named} ${referring} [1]`);
    expect(quotes[0]).toContain('2024');
  });

  it.each<[Lang, string]>([
    ['en', 'How many training courses are there each year?'],
    ['fr', 'Combien de formations y a-t-il chaque année ?'],
    ['de', 'Wie viele Schulungen gibt es jedes Jahr?'],
    ['lb', 'Wéi vill Formatioune ginn et all Joer?'],
  ])('answers how many (%s) with the figure once, though three passages state it', async (lang, question) => {
    const passages = await Promise.all(['pillar-upskill-train', 'skills-gap', 'faq'].map((docId) => passage(lang, docId, '140')));
    const quotes = quotesOf(composeOfflineAnswer(question, lang, passages, t).text);
    expect(quotes[0]).toContain('140');
    expect(quotes.filter((quote) => quote.includes('140'))).toHaveLength(1);
  });

  it.each<[Lang, string, string]>([
    ['en', 'How many AI Factories are there in the EU?', 'AI Act'],
    ['fr', "Combien d'AI Factories y a-t-il dans l'UE ?", 'AI Act'],
    ['de', 'Wie viele KI-Fabriken gibt es in der EU?', 'AI Act'],
    ['lb', 'Wéi vill AI Factories gëtt et an der EU?', 'AI Act'],
  ])('answers how many (%s) with the number of what is counted, before a number of something else', async (lang, question, other) => {
    // The sentence on the ministers' 5 challenges names the EU itself ("EU AI Act"); the FAQ's gives it as "European Union".
    const passages = await Promise.all([passage(lang, 'service-catalogue-launch', other), passage(lang, 'faq', '13')]);
    const quotes = quotesOf(composeOfflineAnswer(question, lang, passages, t).text);
    expect(quotes[0]).toContain('13');
  });

  it('ranks a quote on the question\'s topic above one that holds only the words the knowledge uses everywhere', () => {
    const question = 'Which services does the strategy plan for hospitals?';
    const general = passageOf('The strategy lists the services of the national plan and the services of the ministries.');
    const topic = passageOf('For hospitals, the strategy plans shared data platforms.');
    // "strategy" and "services" are in half of the chunks, "hospitals" in one.
    const stats = { total: 100, byPrefix: new Map([['strate', 50], ['servic', 40], ['hospit', 1], ['plan', 10]]) };
    expect(quotesOf(composeOfflineAnswer(question, 'en', [general, topic], t, 'offline', true, stats).text)[0]).toContain('hospitals');
    expect(quotesOf(composeOfflineAnswer(question, 'en', [general, topic], t).text)[0]).toContain('ministries');
  });

  it('finds a long question word by the shorter word it starts with: "Sportvereine" in "Im Sport …"', () => {
    const text = 'Die Strategie hat mehrere Leuchtturmprojekte. Im Sport ist das Leuchtturmprojekt eine Trainings-App.';
    expect(bestSentences(text, 'Welches Leuchtturmprojekt gibt es für Sportvereine?', 'de', 1)).toEqual(['Im Sport ist das Leuchtturmprojekt eine Trainings-App.']);
  });

  it('names a pillar by its short name, with the colon the language writes, and quotes no sentence about the page itself', async () => {
    const fr = (key: string, options?: Record<string, unknown>) => (key === 'chat:pillars.line' ? `${options!.name} : ${options!.text}` : `<${key}>`);
    const build = (await chunksOf('fr', 'pillar-build-test'))[0]!;
    const [line] = quotesOf(composeOfflineAnswer('prototype', 'fr', [build], fr, 'pillars').text);
    expect(line).toMatch(/^> Build & Test : [^:]+\[1\]$/);
    const faq = await chunksOf('en', 'faq');
    const { text } = composeOfflineAnswer('What is this about?', 'en', faq, t);
    expect(text).not.toContain('This page answers');
  });

  it('quotes first the sentence that holds the subject of "what is" as one phrase ("data spaces"), not its words apart', async () => {
    const passages = [await passage('en', 'strategic-sectors', 'finance, space'), await passage('en', 'pillar-connect', 'data spaces')];
    const quotes = quotesOf(composeOfflineAnswer('what is a data space', 'en', passages, t).text);
    expect(quotes[0]).toContain('data spaces');
  });

  it.each<[Lang, string, string]>([
    ['en', 'What will the weather be like tomorrow?', 'tomorrow'],
    ['fr', 'Quel temps fera-t-il demain ?', 'demain'],
    ['de', 'Wie wird das Wetter morgen?', 'morgen'],
    ['lb', 'Wéi gëtt d’Wieder muer?', 'muer'],
  ])('does not quote a sentence (%s) for one general word of the question', async (lang, question, word) => {
    const upskill = await passage(lang, 'pillar-upskill-train', '140');
    const sentences = splitSentences(upskill.text, lang);
    const onTheWord = sentences.find((sentence) => new RegExp(`\\b${word}\\b`, 'i').test(sentence));
    expect(onTheWord).toBeDefined();
    const quotes = quotesOf(composeOfflineAnswer(question, lang, [upskill], t).text);
    expect(quotes).toEqual([`> ${sentences[0]} [1]`]);
  });

  it.each<[Lang, string]>([
    ['de', 'Wann wurde der Servicekatalog vorgestellt?'],
    ['lb', 'Wéini gouf de Servicekatalog virgestallt?'],
  ])('quotes a %s date whole, not from "Dezember" on', async (lang, question) => {
    const launch = await passage(lang, 'service-catalogue-launch', '2025');
    const quotes = quotesOf(composeOfflineAnswer(question, lang, [launch], t).text);
    expect(quotes[0]).toMatch(/\b2\. Dezember 2025\b/);
    expect(quotes.some((quote) => quote.startsWith('> Dezember'))).toBe(false);
  });

  it.each(LANGS)('quotes at most three sentences (%s) however many passages match', async (lang) => {
    const faq = await chunksOf(lang, 'faq');
    const question = { en: 'What does the AI Factory offer?', fr: 'Que propose l’AI Factory ?', de: 'Was bietet die AI Factory an?', lb: 'Wat bitt d’AI Factory un?' }[lang];
    const { text, sources } = composeOfflineAnswer(question, lang, faq, t);
    expect(faq.length).toBeGreaterThan(3);
    expect(quotesOf(text).length).toBeGreaterThan(0);
    expect(quotesOf(text).length).toBeLessThanOrEqual(3);
    expect(sources.length).toBeLessThanOrEqual(3);
  });

  it('cites a document once, by its first quoted passage, when quotes come from several of its passages', async () => {
    const passages = [...(await chunksOf('en', 'meluxina-supercomputer')), await passage('en', 'strategic-sectors', '4')];
    const { text, sources } = composeOfflineAnswer('Who runs MeluXina and how much more powerful will MeluXina-AI become?', 'en', passages, t);
    const quotes = quotesOf(text);
    // The operator and the growth factor are in different passages of the one document.
    expect(quotes.some((quote) => quote.includes('LuxProvide'))).toBe(true);
    expect(quotes.some((quote) => quote.includes('15 times'))).toBe(true);
    expect(sources).toEqual([expect.objectContaining({ n: 1, docId: 'meluxina-supercomputer' })]);
    for (const quote of quotes) expect(quote.endsWith('[1]')).toBe(true);
    const first = passages.find((one) => one.text.includes(quotes[0]!.slice(2, 60)))!;
    expect(sources[0]!.snippet.slice(0, 40)).toBe(first.text.slice(0, 40));
  });

  it('does not take the country as a name to look for: "Luxemburger" is in nearly every sentence', async () => {
    const passages = [...(await chunksOf('de', 'pillar-build-test')), ...(await chunksOf('de', 'meluxina-supercomputer'))];
    const quotes = quotesOf(composeOfflineAnswer('Warum setzen Banken und Pharmafirmen auf den Luxemburger Supercomputer?', 'de', passages, t).text);
    // The reason is the security level; as a name, "Luxemburger" pulled in sentences that only say "Luxemburg".
    expect(quotes.some((quote) => quote.includes('Sicherheitsniveau'))).toBe(true);
  });

  it('matches the question\'s own long word however much longer it is than its stem: "Digitaliséierung"', async () => {
    const passages = await chunksOf('lb', 'service-catalogue-launch');
    const quotes = quotesOf(composeOfflineAnswer("Wien ass d'Ministesch fir Digitaliséierung?", 'lb', passages, t).text);
    // Only "digital" (its 7-letter stem) was looked for, nine letters short: a keynote on the "digital transformation" won.
    expect(quotes[0]).toContain('Stéphanie Obertin');
  });

  it('counts a word of the concept list itself as a synonym however long it is: "europäischen" for "EU"', () => {
    const sentences = ['Das Netzwerk der Fabrik trifft sich jedes Jahr.', 'Die Fabrik ist in einem europäischen Netzwerk mit vielen Standorten.'];
    const section: SearchResult = { docId: 'd', chunkId: 'd:de:0', title: 'Netzwerk', lang: 'de', score: 1, text: sentences.join(' '), headingPath: [], lexical: null };
    const quotes = quotesOf(composeOfflineAnswer('Gehört die Fabrik zu einem Netzwerk auf EU-Ebene?', 'de', [section], t).text);
    // "europaischen" is eight letters longer than the synonym's stem "europai": only the list's own word matches it.
    expect(quotes[0]).toBe(`> ${sentences[1]} [1]`);
  });

  it('counts a synonym only as a close word: "euros" are money, "European" is not', () => {
    const text = 'The partners share good practice across the European network. Funding goes to projects that have a clear plan.';
    const section: SearchResult = { docId: 'd', chunkId: 'd:en:0', title: 'Money for projects', lang: 'en', score: 1, text, headingPath: [], lexical: null };
    const quotes = quotesOf(composeOfflineAnswer('Is there money?', 'en', [section], t).text);
    expect(quotes).toEqual([`> ${splitSentences(text, 'en')[1]} [1]`]);
  });
});

describe('bestSentences', () => {
  it.each<[Lang, string[], string]>([
    ['en', ['Each year the pillar runs 140 to 200 trainings.', 'The courses range from first awareness to expert level.'], 'How many courses are there, from beginner to expert?'],
    ['de', ['Jedes Jahr finden 140 bis 200 Schulungen statt.', 'Die Kurse reichen von der Sensibilisierung bis zum Expertenniveau.'], 'Wie viele Kurse gibt es, vom Einsteiger bis zum Experten?'],
  ])('in %s takes the sentence before when only it holds the number asked for', (lang, sentences, question) => {
    expect(bestSentences(sentences.join(' '), question, lang, 1)).toEqual([sentences.join(' ')]);
  });

  it('follows the first quote with a strong one on the same words rather than a weak one that only adds a word', () => {
    const sentences = [
      'The ministry of economic affairs of the Saarland met researchers and partners in October.',
      'The talks covered the creation of a joint catalogue.',
      'Since 2024 the initiative has been backed by the EuroHPC Joint Undertaking and by the Ministry of the Economy.',
    ];
    expect(bestSentences(sentences.join(' '), 'Did the Ministry of the Economy help create it?', 'en', 2)).toEqual([sentences[0], sentences[2]]);
  });


  it.each<[Lang, string]>([
    ['en', 'When was the AI Factory announced?'],
    ['de', 'Wann wurde die AI Factory angekündigt?'],
  ])('returns at most the asked number of sentences (%s), in the passage\'s order', async (lang, question) => {
    const faq = await passage(lang, 'faq', '2024');
    const sentences = splitSentences(faq.text, lang);
    const best = bestSentences(faq.text, question, lang, 1);
    expect(best).toEqual([`${sentences[0]} ${sentences[1]}`]);
    const two = bestSentences(faq.text, question, lang);
    const positions = two.map((quote) => faq.text.replace(/\s+/g, ' ').indexOf(quote));
    expect(two.length).toBeLessThanOrEqual(2);
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('questionType', () => {
  it.each<[Lang, string, QuestionType]>([
    ['en', 'Who is the head of Luxinnovation?', 'who'],
    ['en', 'Which government official unveiled the service catalogue?', 'who'],
    ['en', 'How many partners make up the consortium?', 'howMany'],
    ['en', 'Is it getting faster? By how much?', 'howMany'],
    ['en', 'On what date was the catalogue presented?', 'when'],
    ['en', 'What degree programmes exist for people who want to build AI?', 'other'],
    ['en', 'Can Europe compete with the big players when it comes to money?', 'other'],
    ['fr', 'Qui dirige Luxinnovation ?', 'who'],
    ['fr', 'Quelle institution de l’UE a appuyé le lancement ?', 'who'],
    ['fr', 'Combien de formations par an ?', 'howMany'],
    ['fr', 'En quelle année le LNDS a-t-il été créé ?', 'when'],
    ['fr', 'Les entreprises qui veulent adopter l’IA peuvent-elles être aidées ?', 'other'],
    ['de', 'Wer ist der Chef von Luxinnovation?', 'who'],
    ['de', 'Welche Ministerin hat das Angebot präsentiert?', 'who'],
    ['de', 'In wie vielen Sektoren ist die AI Factory stark?', 'howMany'],
    ['de', 'Seit wann gibt es den LNDS?', 'when'],
    ['de', 'Was meint Christophe Trefois dazu, wer auf Daten zugreifen darf?', 'other'],
    ['lb', 'Bei wiem muss ech mech mellen?', 'who'],
    ['lb', 'Aus wéi vill Organisatioune besteet de Konsortium?', 'howMany'],
    ['lb', 'Stëmmt et, datt en méi staark gëtt – ëm wéi vill?', 'howMany'],
    ['lb', 'Zënter wéini gëtt et de LNDS?', 'when'],
    ['lb', 'Kann eng Firma mat der AI Factory schaffen?', 'other'],
    ['fr', 'À quelle conférence l’offre a-t-elle été dévoilée ?', 'who'],
    ['lb', 'Op wéi engem Event gouf de Katalog lancéiert?', 'who'],
    ['de', 'Auf welcher Veranstaltung wurde der Katalog vorgestellt?', 'who'],
    // Who may do something: a kind of organisation or person, not a name.
    ['en', 'Who can use your services?', 'other'],
    ['fr', 'Qui peut faire appel à l’AI Factory ?', 'other'],
    ['de', 'Wer darf die Angebote nutzen?', 'other'],
    ['lb', 'Wien kann är Servicer notzen?', 'other'],
    ['lb', "Wien kéint d'Servicer notzen?", 'other'],
  ])('in %s, "%s" asks for %s', (lang, question, type) => {
    expect(questionType(question, lang)).toBe(type);
  });
});

describe('asksWhatIs and definition', () => {
  it.each<[Lang, string, boolean]>([
    ['en', 'What is the LNDS?', true],
    ['fr', 'Qu’est-ce que l’AI Factory ?', true],
    ['fr', 'C’est quoi MeluXina ?', true],
    ['de', 'Was ist Upskill & Train?', true],
    ['lb', "Wat ass d'KI-Strategie?", true],
    ['en', 'Who runs MeluXina?', false],
    ['de', 'Wie viele Säulen gibt es?', false],
  ])('(%s) "%s" asks what something is: %s', (lang, question, expected) => {
    expect(asksWhatIs(question, lang)).toBe(expected);
  });

  it('takes a sentence as defining its subject when it names it before its verb "to be", among its first words', () => {
    expect(definition('Le LNDS est membre du consortium.', ['lnds'], 'fr')).toBe(1);
    expect(definition('MeluXina is Luxembourg’s national supercomputer.', ['meluxin'], 'en')).toBe(1);
    expect(definition('The Finance pillar is often combined with Assess & Accelerate.', ['finan', 'pill'], 'en')).toBe(1);
    expect(definition('Organisations that want to use MeluXina start with Luxinnovation, which is the single point of entry.', ['meluxin'], 'en')).toBe(0);
    expect(definition('Luxinnovation ist die zentrale Anlaufstelle, auch für MeluXina.', ['meluxin'], 'de')).toBe(0);
    expect(definition('MeluXina is fast.', [], 'en')).toBe(0);
  });

  it('takes it as saying what the subject is when an article follows the verb, the subject named before it or just after the article', () => {
    expect(definition('Finance is the service pillar of the Luxembourg AI Factory that helps organisations pay for AI.', ['finan', 'pill'], 'en')).toBe(2);
    expect(definition('Luxinnovation est l’agence nationale de l’innovation.', ['luxinno'], 'fr')).toBe(2);
    expect(definition('MeluXina ist der nationale Supercomputer Luxemburgs.', ['meluxin'], 'de')).toBe(2);
    expect(definition('MeluXina ass den nationale Supercomputer vu Lëtzebuerg.', ['meluxin'], 'lb')).toBe(2);
    expect(definition('Finance (financement) est le pilier de services qui aide les organisations.', ['pili', 'finan'], 'fr')).toBe(2);
    expect(definition('The pillar is the one that pays: Finance.', ['finan', 'pill'], 'en')).toBe(0);
  });

  it('quotes the sentence that says what the subject is before one that only names it ("What is the Finance pillar?")', () => {
    const text = 'The Finance pillar is often combined with Assess & Accelerate, which clarifies the project first. Finance is the service pillar of the AI Factory that helps organisations pay for their AI projects.';
    expect(bestSentences(text, 'What is the Finance pillar?', 'en', 1)).toEqual(['Finance is the service pillar of the AI Factory that helps organisations pay for their AI projects.']);
  });
});

describe('answersType', () => {
  it.each<[Lang, QuestionType, string, string, boolean]>([
    ['en', 'who', 'Who runs MeluXina?', 'MeluXina is operated by LuxProvide.', true],
    ['en', 'who', 'Who runs MeluXina?', 'MeluXina is the main source of computing (HPC) in Luxembourg.', false],
    ['de', 'who', 'Wer leitet Luxinnovation?', 'Das sagte Mario Grotz auf dem Podium.', true],
    ['de', 'who', 'Wer leitet Luxinnovation?', 'Die Säule hilft kleinen Unternehmen.', false],
    ['en', 'howMany', 'How many courses?', 'There are 140 to 200 courses.', true],
    ['fr', 'howMany', 'Combien de formations ?', 'Le LNDS a été fondé en 2022.', false],
    ['fr', 'when', 'Quand le LNDS a-t-il été créé ?', 'Le LNDS a été fondé en 2022.', true],
    ['lb', 'when', 'Wéini war d’Reunioun?', 'Si hu sech den 29. Oktober getraff.', true],
    ['lb', 'when', 'Wéini war d’Reunioun?', 'Si hu sech zu Saarbrécken getraff.', false],
  ])('in %s, for %s: "%s" → "%s" is %s', (lang, type, question, sentence, expected) => {
    expect(answersType(sentence, type, question, lang)).toBe(expected);
  });
});

describe('countsAsked', () => {
  it.each<[string, string[], boolean]>([
    ['It is one of 13 AI Factories set up across the European Union.', ['factori'], true],
    ['The ministries pointed to 5 main challenges for organisations.', ['factori', 'eu'], false],
    ['Die 6 Säulen des Katalogs', ['saul'], true],
    ['Founded in 2022, the LNDS has 40 staff.', ['lnds'], false],
  ])('"%s" counts %j: %s', (sentence, stems, expected) => {
    expect(countsAsked(sentence, stems)).toBe(expected);
  });
});

describe('pupils’ ages', () => {
  it.each<[string, number[]]>([
    ['Can you give me three ideas for an AI literacy lesson for 12-year-olds?', [12]],
    ['Quelles activités pour des élèves de 13 à 15 ans ?', [13, 15]],
    ['Hutt Dir Iddien fir Kanner vun 12 Joer?', [12]],
    ['How many AI Factories are there in 2025?', []],
    ['Explain Article 5 of the AI Act', []],
  ])('"%s" asks about ages %j', (question, ages) => {
    expect(agesAsked(question)).toEqual(ages);
  });

  it.each<[string, number[], boolean]>([
    ['Ages 10 to 12: recommendations, errors and personal data', [12], true],
    ['De 6 à 9 ans : apprendre à partir d’exemples', [12], false],
    ['Ab 16 Jahren: das Recht in der Praxis', [17], true],
    ['Vu 16 Joer un: d’Recht an der Praxis', [12], false],
  ])('"%s" covers %j: %s', (heading, ages, expected) => {
    expect(coversAge(heading, ages)).toBe(expected);
  });

  it.each<[Lang, string, string]>([
    ['en', 'Can you give me three ideas for an AI literacy lesson for 12-year-olds?', 'Ages 10 to 12'],
    ['fr', 'Quelles activités pour des élèves de 13 à 15 ans ?', 'De 13 à 15 ans'],
    ['de', 'Welche KI-Aktivitäten passen für 7-jährige Kinder?', '6 bis 9 Jahre'],
    ['lb', 'Hutt Dir Iddien fir eng Schoulstonn fir Kanner vun 12 Joer?', 'Vun 10 bis 12 Joer'],
  ])('quotes first, in %s, the section of the age group asked about', async (lang, question, section) => {
    const chunks = await chunksOf(lang, 'edu-classroom-activities');
    const [first] = quotesOf(composeOfflineAnswer(question, lang, chunks, t).text);
    const quoted = chunks.find((chunk) => chunk.text.includes(first!.slice(2, 60)))!;
    expect(quoted.headingPath.join(' ')).toContain(section);
  });
});
