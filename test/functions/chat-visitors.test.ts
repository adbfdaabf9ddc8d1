// What visitors type besides questions: greetings, follow-ups, a request for a person, a vague project — offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../support/app.ts';

let made: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  made = await makeApp({ env: { LLM_MODE: 'offline' } });
});
afterAll(() => made.dispose());

type Reply = { conversationId: string; conversationToken: string; lang: string; answer: string; answered: boolean; sources: { docId: string }[]; actions: { type: string; topics?: string[]; status?: string }[] };

async function say(message: string, uiLang: string, conversation?: Pick<Reply, 'conversationId' | 'conversationToken'>): Promise<Reply> {
  const response = await made.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': uiLang, ...(conversation ? { authorization: `Bearer ${conversation.conversationToken}` } : {}) },
    body: JSON.stringify({ message, ...(conversation ? { conversationId: conversation.conversationId } : {}) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Reply;
}

const refusalOf = (lang: string) => made.deps.i18n.forLang(lang as 'en')('chat:refusal.no_knowledge');

describe('small talk', () => {
  it.each([
    ['en', 'Hi there!', 'greeting'],
    ['fr', 'merci beaucoup', 'thanks'],
    ['de', 'Tschüss', 'goodbye'],
    ['lb', 'Moien', 'greeting'],
    ['en', 'who are you?', 'identity'],
  ])('answers %s "%s" in kind, in its language, without a refusal or a quote', async (lang, message, kind) => {
    const reply = await say(message, lang);
    expect(reply.lang).toBe(lang);
    expect(reply.answer).toContain(made.deps.i18n.forLang(lang as 'en')(`chat:smalltalk.${kind}`));
    expect(reply.answer).not.toContain(refusalOf(lang));
    expect(reply.answer).not.toContain('> ');
    expect(reply.sources).toEqual([]);
  });

  it.each([
    ['en', "Hi, I'm a researcher at the university."],
    ['fr', 'Bonjour, je suis chercheuse au LIST en traitement du langage.'],
    ['de', 'Ich bin Lehrerin an einem Gymnasium'],
    ['lb', 'Moien, ech sinn Enseignant am Lycée'],
  ])('greets %s "%s", an introduction that asks nothing yet, and says what it can help with', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.lang).toBe(lang);
    expect(reply.answer).toContain(made.deps.i18n.forLang(lang as 'en')('chat:smalltalk.greeting'));
    expect(reply.answer).not.toContain(refusalOf(lang));
    expect(reply.sources).toEqual([]);
  });

  it.each([
    ['en', 'Hello, what is the AI Factory?'],
    ['fr', "Bonjour, qu'est-ce que l'AI Factory ?"],
    ['de', 'Hallo, was macht die AI Factory?'],
    ['lb', "Moien, wat mécht d'AI Factory?"],
  ])('answers %s "%s" as the question without its greeting', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.lang).toBe(lang);
    expect(reply.answered).toBe(true);
    // What the AI Factory is: the FAQ's answer to that question, or the overview.
    expect(['faq', 'ai-factory-overview']).toContain(reply.sources[0]?.docId);
  });
});

describe('follow-ups', () => {
  it.each([
    ['en', 'What is the MeluXina-AI supercomputer?', 'And who operates it?'],
    ['fr', 'Qu’est-ce que le supercalculateur MeluXina-AI ?', 'Et qui l’exploite ?'],
    ['de', 'Was ist der Supercomputer MeluXina-AI?', 'Und wer betreibt ihn?'],
    ['lb', 'Wat ass de Supercomputer MeluXina-AI?', 'A wien bedreift en?'],
  ])('in %s, answers a short follow-up from the topic of the previous question, in the same language', async (lang, first, followUp) => {
    const opened = await say(first, lang);
    expect(opened.answered).toBe(true);
    const reply = await say(followUp, lang, opened);
    expect(reply.lang).toBe(lang);
    expect(reply.answered).toBe(true);
    // Who operates it is in the knowledge: the follow-up's answer must say so.
    expect(reply.answer).toContain('LuxProvide');
  });

  it('does not lean on the previous question when the new one stands alone', async () => {
    const opened = await say('What is the MeluXina-AI supercomputer?', 'en');
    const reply = await say('How many training courses does the AI Factory coordinate every year?', 'en', opened);
    expect(reply.sources[0]!.docId).not.toBe(opened.sources[0]!.docId);
  });

  it.each([
    ['en', 'What is the MeluXina-AI supercomputer?', 'how many GPUs exactly?'],
    ['fr', 'Qu’est-ce que le supercalculateur MeluXina-AI ?', 'vous avez un parking ?'],
    ['de', 'Was ist der Supercomputer MeluXina-AI?', 'Gibt es einen Parkplatz?'],
    ['lb', 'Wat ass de Supercomputer MeluXina-AI?', 'Hutt dir e Parking?'],
  ])('in %s, does not give the previous answer again to a question the knowledge cannot answer', async (lang, first, next) => {
    const opened = await say(first, lang);
    expect(opened.answered).toBe(true);
    const reply = await say(next, lang, opened);
    expect(reply.answered).toBe(false);
    expect(reply.answer).toContain(refusalOf(lang));
    expect(reply.sources).toEqual([]);
  });

  it.each([
    ['en', 'What is Luxembourg’s national AI strategy about?', 'what’s the budget of it?', 'The budget of the strategy has not been published'],
    ['lb', 'Wat ass d’KI-Strategie vu Lëtzebuerg?', 'a wéi grouss ass de Budget?', 'De Budget vun der Strategie gouf net publizéiert'],
  ])('in %s, quotes a follow-up for its own words: the budget, not the strategy again', async (lang, first, next, fact) => {
    const opened = await say(first, lang);
    const reply = await say(next, lang, opened);
    expect(reply.answered).toBe(true);
    expect(reply.answer.split('\n\n').find((block) => block.startsWith('> '))).toContain(fact);
  });

  it('still answers a follow-up that points back with a word that is often an article: "qui l’a rédigée ?"', async () => {
    const opened = await say('Parlez-moi de la stratégie IA du Luxembourg', 'fr');
    const reply = await say('qui l’a rédigée ?', 'fr', opened);
    expect(reply.answered).toBe(true);
    expect(reply.sources.map((source) => source.docId)).toContain('ai-strategy-2030');
  });
});

describe('questions the knowledge asks itself', () => {
  it.each([
    ['de', 'ich bin IT-Berater. Welche Partner gehören zum Konsortium?', 'Luxinnovation'],
    ['lb', 'Moien, ech hunn e klengen Online-Buttek. Wat fir Servicer bitt dir un?', 'Assess & Accelerate'],
  ])('in %s, answers "%s" as its question, after the introduction', async (lang, message, fact) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.answer.split('\n\n').find((block) => block.startsWith('> '))).toContain(fact);
  });

  it.each([
    ['en', 'what services do you offer?', 'The service catalogue'],
    ['fr', 'Quels services proposez-vous ?', 'Le catalogue de services'],
    ['de', 'Welche Dienstleistungen bietet die AI Factory an?', 'Der Servicekatalog'],
    ['lb', 'Wéi eng Servicer bitt dir un?', 'De Servicekatalog'],
  ])('in %s, answers "%s" with the section headed by that question, and only with it', async (lang, message, opening) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources.map((source) => source.docId)).toEqual(['faq']);
    const quotes = reply.answer.split('\n\n').filter((block) => block.startsWith('> '));
    expect(quotes[0]).toContain(`> ${opening}`);
    expect(quotes[0]).toContain('Assess & Accelerate');
    expect(quotes[0]).toContain('Scale & Deploy');
  });

  // Said for a kind of visitor, the catalogue's question is worded unlike the FAQ's: the search alone had quoted a
  // study on companies' skills, or what a minister said about SMEs.
  it.each([
    ['en', 'What does the AI Factory offer to small businesses?', 'The service catalogue'],
    ['fr', 'Que peut faire l’AI Factory pour une petite entreprise ?', 'Le catalogue de services'],
    ['de', 'Was können Sie für mein Unternehmen tun?', 'Der Servicekatalog'],
    ['lb', 'Wat kann d’AI Factory fir mäi Betrib maachen?', 'De Servicekatalog'],
  ])('in %s, answers "%s" with the service catalogue', async (lang, message, opening) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources[0]?.docId).toBe('faq');
    expect(reply.answer.split('\n\n').find((block) => block.startsWith('> '))).toContain(`> ${opening}`);
  });

  it('answers an offer on a topic of its own from that topic, not from the catalogue', async () => {
    const reply = await say('What training do you offer to start-ups?', 'en');
    expect(reply.answered).toBe(true);
    expect(reply.answer).not.toContain('The service catalogue of the Luxembourg AI Factory has 6 pillars');
  });
});

describe('questions that count', () => {
  // Every pillar's page names pillars; the passage that counts them had ranked below four of those pages.
  it.each([
    ['en', 'How many pillars are there?', '6 pillars'],
    ['fr', 'Combien y a-t-il de piliers ?', '6 piliers'],
    ['de', 'Wie viele Säulen gibt es?', '6 Säulen'],
    ['lb', 'Wéi vill Pilieren ginn et?', '6 Pilieren'],
  ])('in %s, answers "%s" with the number first', async (lang, message, count) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.answer.split('\n\n').find((block) => block.startsWith('> '))).toContain(count);
  });
});

describe('requests for a person', () => {
  it.each([
    ['en', 'Can I talk to a human please?'],
    ['fr', 'Je voudrais parler à un conseiller'],
    ['de', 'Kann ich mit einem Mitarbeiter sprechen?'],
    ['lb', 'Ech wéilt mat engem Mënsch schwätzen'],
  ])('in %s, put the conversation in the staff queue and say so, never with a quote', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.actions).toEqual([expect.objectContaining({ type: 'escalated', status: 'escalated' })]);
    expect(reply.answer).not.toContain('> ');
    expect(reply.answer).not.toContain(refusalOf(lang));
    expect(reply.sources).toEqual([]);
  });
});

describe('asking how to get in touch', () => {
  it.each([
    ['fr', 'Comment vous joindre ?'],
    ['en', 'who do I talk to'],
    ['de', 'Wie kann ich mich bei euch melden?'],
    ['lb', 'Wéi kann ech mech bei Iech mellen?'],
    // Asking whom to phone: the words for a call are words for getting in touch.
    ['de', 'Wen soll ich anrufen?'],
    ['lb', 'Wien soll ech uruffen?'],
  ])('in %s, "%s" is told to contact Luxinnovation, with the lead form', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.answer).toContain('Luxinnovation');
    expect(reply.actions.map((action) => action.type)).toContain('lead_form');
    // One call to action: the form's offer of an advisor, not also the offer of a person from our staff.
    const t = made.deps.i18n.forLang(lang as 'en');
    expect(reply.answer).toContain(t('leads:form.offer'));
    expect(reply.answer).not.toContain(t('chat:offline.staff_offer'));
  });
});

describe('asking for a phone number, which the knowledge does not hold', () => {
  it.each([
    ['en', 'what is your phone number?'],
    ['en', 'phone number?'],
    ['de', 'Telefonnummer?'],
  ])('in %s, "%s" is not answered with quotes about something else', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(false);
    expect(reply.sources).toEqual([]);
  });
});

describe('asking for news in a word or two', () => {
  it.each([
    ['de', 'Gibt es Neuigkeiten zur AI Factory?'],
    ['lb', 'Wat gëtt et Neies?'],
    ['en', 'do you guys do trainings'],
  ])('in %s, "%s" is answered, not refused', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources.length).toBeGreaterThan(0);
  });
});

describe('asking who runs the AI Factory', () => {
  it.each([
    ['en', 'who runs the ai factory?', 'consortium of 5 national organisations'],
    ['fr', "qui gère l'AI Factory ?", 'consortium de 5 organisations nationales'],
    ['de', 'Wer betreibt die AI Factory?', 'Konsortium aus 5 nationalen Organisationen'],
    ['lb', "Wien bedreift d'AI Factory?", 'Konsortium vu 5 nationalen Organisatiounen'],
  ])('in %s, "%s" is answered first from the section headed by that question (before its colon)', async (lang, message, consortium) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources[0]?.docId).toBe('ai-factory-overview');
    expect(reply.answer).toContain(consortium);
  });

  // Asked as people say it ("who is behind …?"): no heading asks that, and "behind" alone once quoted the strategy's
  // "leave no one behind" first.
  it.each([
    ['en', 'Who is behind the AI Factory?', 'consortium of 5 national organisations'],
    ['fr', "Qui est derrière l'AI Factory ?", 'consortium de 5 organisations nationales'],
    ['de', 'Wer steckt hinter der AI Factory?', 'Konsortium aus 5 nationalen Organisationen'],
    ['lb', "Wien stécht hannert der AI Factory?", 'Konsortium vu 5 nationalen Organisatiounen'],
  ])('in %s, "%s" quotes the consortium first', async (lang, message, consortium) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources[0]?.docId).toBe('ai-factory-overview');
    expect(reply.answer).toContain(consortium);
  });
});

describe('a small business asking for help with AI', () => {
  it.each([
    ['en', 'we are a small bakery, can you help us with AI?'],
    ['fr', 'nous sommes une petite boulangerie, pouvez-vous nous aider avec l’IA ?'],
    ['de', 'Wir sind eine kleine Schreinerei, könnt ihr uns bei KI helfen?'],
    ['lb', 'Mir sinn eng kleng Bäckerei, kënnt Dir eis mat KI hëllefen?'],
  ])('in %s, "%s" gets the catalogue first (not a partnership or the funding pillar) and the lead form', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources[0]?.docId).toBe('faq');
    expect(reply.answer).toContain('Assess & Accelerate');
    expect(reply.actions.map((action) => action.type)).toContain('lead_form');
  });
});

describe('a business outside the strategic sectors', () => {
  it.each([
    ['fr', "J'ai une entreprise de transport, est-ce un de vos secteurs ?"],
    ['de', 'Ich habe eine Spedition, gehört das zu euren Branchen?'],
  ])('in %s, "%s" hears that the catalogue is open to every sector', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources[0]?.docId).toBe('strategic-sectors');
  });
});

describe('asking which pillars there are', () => {
  it.each([
    ['en', 'which pillars do you have?'],
    ['fr', 'quels sont les 6 piliers'],
    ['de', 'welche säulen gibt es'],
    ['lb', 'Wéi eng Pilieren gëtt et?'],
  ])('in %s, "%s" gets the catalogue\'s six pillars first, not one pillar\'s page', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources[0]?.docId).toBe('faq');
    for (const pillar of ['Assess & Accelerate', 'Upskill & Train', 'Connect', 'Finance', 'Build & Test', 'Scale & Deploy']) expect(reply.answer).toContain(pillar);
  });
});

describe('questions that ask what something is', () => {
  it.each([
    ['fr', "Qu'est-ce que l'AI Factory ?", 'La Luxembourg AI Factory est la plateforme nationale'],
    ['fr', "C'est quoi MeluXina ?", 'MeluXina est le supercalculateur national'],
    ['fr', 'cest koi meluxina', 'MeluXina est le supercalculateur national'],
    ['lb', "Wat ass d'KI-Strategie?", 'Déi national KI-Strategie vu Lëtzebuerg heescht'],
  ])('in %s, "%s" is answered first with the sentence that defines it', async (lang, message, definition) => {
    const reply = await say(message, lang);
    expect(reply.answer.split('\n\n').find((block) => block.startsWith('> '))).toContain(definition);
  });
});

describe('questions about the visitor\'s own data', () => {
  it.each([
    ['en', 'Do you store my data?', '30 days'],
    ['fr', 'Qu’est-ce que vous faites de mes données ?', '30 jours'],
    ['de', 'Was passiert mit meinen Daten?', '30 Tage'],
    ['lb', 'Späichert Dir meng Donnéeën?', '30 Deeg'],
  ])('in %s, "%s" is answered from the privacy notice, with its figures and a link to it', async (lang, message, kept) => {
    const reply = await say(message, lang);
    expect(reply.lang).toBe(lang);
    expect(reply.answer).toContain(kept);
    expect(reply.answer).toContain(`(http://localhost/${lang}/privacy)`);
    expect(reply.answer).not.toContain(refusalOf(lang));
    expect(reply.sources).toEqual([]);
    expect(reply.actions).toEqual([]);
  });

  it('tells the teachers their conversations are kept a day, and that personal details are replaced first', async () => {
    const response = await made.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ assistant: 'education', message: 'Was passiert mit meinen Daten?' }) });
    const reply = (await response.json()) as Reply;
    expect(reply.answer).toContain('24 Stunden');
    expect(reply.answer).toContain('Platzhalter');
    expect(reply.answer).toContain('(http://localhost/de/privacy)');
  });
});

describe('visitors who ask to be contacted', () => {
  const form = (lang: string) => made.deps.i18n.forLang(lang as 'en')('chat:contact.form');

  it.each([
    ['en', 'please call me back'],
    ['fr', 'Rappelez-moi s’il vous plaît'],
    ['de', 'Bitte rufen Sie mich zurück'],
    ['lb', 'Rufft mech w.e.g. zréck'],
    // An appointment with an advisor or an expert is Luxinnovation's to give, not a chat with our staff now.
    ['fr', 'Comment obtenir un rendez-vous avec un expert IA de mon secteur ?'],
    ['en', 'Can an advisor call me back?'],
    ['de', 'Ich hätte gern einen Termin mit einem Berater'],
    ['lb', 'Kann ech e Rendez-vous mat engem Beroder kréien?'],
    // Being contacted is an advisor getting in touch later, not someone from our staff in the chat now.
    ['fr', 'Je voudrais être contacté par un conseiller'],
    ['en', 'Can someone from Luxinnovation contact me?'],
    ['de', 'Kann mich ein Berater kontaktieren?'],
    ['lb', 'Kann e Beroder mech kontaktéieren?'],
  ])('in %s, "%s" is told to leave details in the lead form for an advisor, not that nothing was found', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.lang).toBe(lang);
    expect(reply.answer).toContain(form(lang));
    expect(reply.answer).not.toContain(refusalOf(lang));
    // The reply offers the form itself: its offer is not said twice.
    expect(reply.answer).not.toContain(made.deps.i18n.forLang(lang as 'en')('leads:form.offer'));
    expect(reply.actions.map((action) => action.type)).toEqual(['lead_form']);
  });
});

describe('questions about what a service costs', () => {
  const noPrices = (lang: string) => made.deps.i18n.forLang(lang as 'en')('chat:cost.unknown');

  it.each([
    ['en', 'Is the AI Factory free for startups?'],
    ['fr', 'Combien coûte l’accompagnement ?'],
    ['de', 'Was kostet eine Schulung?'],
    ['lb', "Wat kascht d'Berodung?"],
    ['fr', "c'est gratuit ?"],
    ['de', 'Was kostet so eine Erstberatung?'],
    ['lb', 'kascht dat eppes?'],
  ])('in %s, "%s" is told that the published information gives no prices, with the lead form to reach an advisor', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.lang).toBe(lang);
    expect(reply.answer).toContain(noPrices(lang));
    expect(reply.answer).not.toContain(refusalOf(lang));
    expect(reply.sources).toEqual([]);
    expect(reply.actions.map((action) => action.type)).toContain('lead_form');
  });

  it('reads "is that free?" in a conversation about a service as its price', async () => {
    const first = await say('Was bietet die Säule Upskill & Train?', 'de');
    const reply = await say('Und ist das kostenlos?', 'de', first);
    expect(reply.answer).toContain(noPrices('de'));
  });

  it('leaves the price of anything else alone', async () => {
    const reply = await say('How much does a car cost?', 'en');
    expect(reply.answer).not.toContain(noPrices('en'));
  });
});

describe('vague project questions from small businesses', () => {
  it.each([
    ['en', 'I run a bakery and we want to use AI for our orders, where do we start?'],
    ['fr', 'Notre PME cherche un accompagnement pour lancer un projet d’IA'],
    ['de', 'Wir sind ein Handwerksbetrieb und möchten ein KI-Projekt starten'],
    ['lb', 'Mir wëllen an eiser Firma KI asetzen, wéi fänke mir un?'],
    ['en', 'what can the AI factory do for a bakery?'],
    ['fr', 'Que peut faire l’IA pour une petite boulangerie ?'],
    ['de', 'Was kann KI für meine Bäckerei tun?'],
    ['lb', 'Mir sinn e klenge Schräinerbetrib. Wou fänke mir un mat KI?'],
  ])('in %s, get service pillars that fit, cited, with the lead form — not a refusal ("%s")', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.answer).not.toContain(refusalOf(lang));
    expect(reply.answered).toBe(true);
    expect(reply.sources.length).toBeGreaterThan(0);
    expect(reply.actions.map((action) => action.type)).toContain('lead_form');
  });

  it.each([
    ['en', 'We are a logistics company with 40 employees, where do we start?'],
    ['fr', 'Nous sommes une petite fiduciaire, par où commencer ?'],
    ['de', 'Wir sind ein Handwerksbetrieb mit 12 Leuten. Wo fangen wir an?'],
    ['lb', 'Mir sinn eng kleng Bakerei, wou fänke mir un?'],
  ])('in %s, an organisation asking where to begin means with AI, said or not: pillars and the lead form ("%s")', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.lang).toBe(lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources.some((source) => source.docId.startsWith('pillar-'))).toBe(true);
    expect(reply.actions.map((action) => action.type)).toContain('lead_form');
  });

  it.each([
    ['en', 'where do i start'],
    ['fr', 'Par où commencer ?'],
    ['de', 'Wo fange ich an?'],
    ['lb', 'Wou fänken ech un?'],
    ['en', 'How do I start an AI project with you?'],
    ['fr', 'Comment démarrer un projet IA avec vous ?'],
    ['de', 'Wie starte ich ein KI-Projekt mit euch?'],
    ['lb', 'Wéi fänken ech e KI-Projet mat iech un?'],
  ])('in %s, "%s" and nothing else gets the first step, the assessment, with the lead form', async (lang, message) => {
    const reply = await say(message, lang);
    expect(reply.answered).toBe(true);
    expect(reply.sources.map((source) => source.docId)).toEqual(['pillar-assess-accelerate']);
    expect(reply.actions.map((action) => action.type)).toContain('lead_form');
  });

  it('leaves someone who asks where to begin something else alone: "How do I start running?" is refused', async () => {
    const reply = await say('How do I start running?', 'en');
    expect(reply.answered).toBe(false);
    expect(reply.actions.map((action) => action.type)).not.toContain('lead_form');
  });

  it('gives no pillar to a request that names no organisation: "I would like the newsletter" is not a project', async () => {
    const reply = await say('Je voudrais recevoir la newsletter de l’AI Factory', 'fr');
    expect(reply.answered).toBe(false);
    expect(reply.sources).toEqual([]);
  });

  it('leaves an everyday question about a trade alone: no pillar, no lead form', async () => {
    const reply = await say('What is the best bakery in town?', 'en');
    expect(reply.answered).toBe(false);
    expect(reply.actions.map((action) => action.type)).not.toContain('lead_form');
  });
});
