// detectSupportIntent: organisations asking for support in EN/FR/DE/LB recognised, plain knowledge questions left alone.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../agents/language/languages.ts';
import { detectSupportIntent, type SupportTopic } from '../../../agents/leads/intent.ts';

const REQUESTS: Record<Lang, [string, SupportTopic[]][]> = {
  en: [
    ['We would like funding for an AI project in our company', ['funding', 'project']],
    ['Can I talk to someone about GPU access?', ['infrastructure', 'contact']],
    ['please call me back', ['contact']],
    ['could you email me?', ['contact']],
    ['Our startup needs training for 10 engineers, how can we sign up?', ['training']],
    ['We need access to public data for a pilot', ['project', 'data_access']],
    ['we are a bakery and want to use AI for orders', ['project']],
    ['Our SME is looking for support to automate invoicing with AI', ['support', 'project']],
    ['we’d like to run a pilot with our logistics data', ['project', 'data_access']],
    ['how can we get access to MeluXina for our startup?', ['infrastructure']],
    ['i need a grant for my AI prototype', ['funding', 'project']],
    ['we want to train our staff on generative AI', ['training']],
    ['can our municipality get help to set up a chatbot?', ['support']],
    ['Looking for a partner to build a proof of concept for predictive maintenance', ['project']],
    ['We’re a start-up and need GPUs to train our model', ['infrastructure']],
    ['is there funding for SMEs that want to adopt AI?', ['funding']],
    ['I run a small accounting firm and would like advice on using AI', ['support']],
    ['Our research group needs compute time for a large language model', ['infrastructure']],
    ['please contact me about an AI project for our hotel', ['contact', 'project']],
    ['we r a small shop and want AI for our stock management', ['project']],
  ],
  fr: [
    ['Nous souhaitons un accompagnement pour notre projet d’IA', ['project', 'support']],
    ['Existe-t-il des subventions pour les PME ?', ['funding']],
    ['Je voudrais être contacté par un conseiller', ['contact']],
    ['Rappelez-moi s’il vous plaît', ['contact']],
    ['notre PME cherche un accompagnement', ['support']],
    ['nous sommes une boulangerie et voulons utiliser l’IA pour les commandes', ['project']],
    ['on voudrait lancer un projet pilote avec nos donnees clients', ['project', 'data_access']],
    ['comment accéder à MeluXina pour notre start-up ?', ['infrastructure']],
    ['je cherche une subvention pour mon prototype', ['funding', 'project']],
    ['nous aimerions former nos salariés à l’IA générative', ['training']],
    ['notre commune souhaite mettre en place un chatbot, pouvez-vous nous aider ?', ['project', 'support']],
    ['ma societe a besoin de puissance de calcul GPU', ['infrastructure']],
    ['nous avons un cas d’usage en maintenance prédictive, qui peut nous accompagner ?', ['project', 'support']],
    ['j’ai une petite entreprise et je voudrais des conseils pour utiliser l’IA', ['support', 'project']],
    ['notre laboratoire a besoin de temps de calcul', ['infrastructure']],
    ['merci de me contacter pour un projet IA', ['contact', 'project']],
    ['bonjour, nous cherchons un financement pour automatiser notre production', ['funding', 'project']],
    ['besoin d aide pour un projet IA dans ma boite', ['project', 'support']],
  ],
  de: [
    ['Wir suchen Förderung für unser KI-Projekt', ['funding', 'project']],
    ['Wie können wir Rechenzeit auf MeluXina bekommen?', ['infrastructure']],
    ['Ich möchte einen Termin mit einem Berater', ['contact']],
    ['Bitte rufen Sie mich zurück', ['contact']],
    ['wir möchten ein KI-Projekt starten', ['project']],
    ['Wir sind eine Bäckerei und wollen KI für Bestellungen nutzen', ['project']],
    ['unser KMU sucht Unterstützung bei der Einführung von KI', ['support', 'project']],
    ['wir würden gerne einen Piloten mit unseren Produktionsdaten machen', ['project', 'data_access']],
    ['wie bekommen wir als Startup Zugang zu GPUs?', ['infrastructure']],
    ['ich brauche einen Zuschuss für meinen Prototyp', ['funding', 'project']],
    ['Wir wollen unsere Mitarbeiter in KI schulen', ['training']],
    ['unsere Gemeinde möchte einen Chatbot einführen, können Sie uns helfen?', ['project', 'support']],
    ['meine Firma braucht Rechenleistung für ein Sprachmodell', ['infrastructure']],
    ['Ich habe ein kleines Steuerbüro und hätte gern eine Beratung zum Einsatz von KI', ['support', 'project']],
    ['Unser Forschungsinstitut braucht Rechenzeit', ['infrastructure']],
    ['bitte kontaktieren sie mich wegen eines KI-Projekts', ['contact', 'project']],
    ['gibt es Fördermittel für Handwerksbetriebe, die KI einsetzen wollen?', ['funding']],
    ['brauchen hilfe bei ki projekt', ['project', 'support']],
  ],
  lb: [
    ['Mir wëllen eng Formatioun fir eis Equipe', ['training']],
    ['Wéi kënne mir Ënnerstëtzung fir e Projet kréien?', ['project', 'support']],
    ['Gëtt et Fërdermëttel fir Start-ups?', ['funding']],
    ['mir wëllen an eiser Firma KI asetzen', ['project']],
    ['Mir sinn eng Bäckerei a wëlle KI fir d’Bestellunge benotzen', ['project']],
    ['eis PME sicht Ënnerstëtzung fir KI anzesetzen', ['support', 'project']],
    ['mir hätte gär e Pilotprojet mat eisen Donnéeën', ['project', 'data_access']],
    ['wéi kréie mir als Start-up Zougang zu Rechenzäit um MeluXina?', ['infrastructure']],
    ['ech brauch eng Subventioun fir mäi Prototyp', ['funding', 'project']],
    ['Mir wëllen eis Mataarbechter am Beräich KI weiderbilden', ['training']],
    ['eis Gemeng wëll e Chatbot aféieren, kënnt Dir eis hëllefen?', ['project', 'support']],
    ['meng Firma brauch Rechenkapazitéit fir e Sproochmodell', ['infrastructure']],
    ['Ech hunn e klenge Comptabilitéitsbüro an hätt gär eng Berodung fir KI ze benotzen', ['support', 'project']],
    ['Eise Fuerschungslabo brauch Rechenzäit', ['infrastructure']],
    ['kontaktéiert mech w.e.g. wéinst engem KI-Projet', ['contact', 'project']],
    ['Rufft mech w.e.g. zréck', ['contact']],
    ['gëtt et Fërdermëttel fir Handwierksbetriber, déi KI asetze wëllen?', ['funding']],
    ['Mir plangen e Proof of Concept mat Bilderkennung', ['project']],
    ['mir sichen Hellef fir e KI Projet', ['project', 'support']],
  ],
};

const QUESTIONS: Record<Lang, string[]> = {
  en: [
    'What is MeluXina?',
    'Which sectors does the AI Factory focus on?',
    'What are the flagship projects of the AI strategy?',
    'what does the AI Factory offer?',
    'what is the 1 % goal?',
    'who are the partners of the AI Factory?',
    'how many GPUs does MeluXina have?',
    'what training courses does the AI Factory offer?',
    'when was the national AI strategy published?',
    'can you help me?',
    'hi',
    'what does Luxinnovation do?',
    'how does the AI Act affect the strategy?',
    'what are the six pillars of the service catalogue?',
    'is MeluXina a supercomputer?',
    'Which projects did the AI Factory support last year?',
  ],
  fr: [
    'Qu’est-ce que la stratégie nationale pour l’IA ?',
    'que propose l’AI Factory ?',
    'c’est quoi l’objectif de 1 % ?',
    'qui sont les partenaires de l’AI Factory ?',
    'combien de GPU a MeluXina ?',
    'quelles formations propose l’AI Factory ?',
    'quand la stratégie a-t-elle été publiée ?',
    'pouvez-vous m’aider ?',
    'bonjour',
    'que fait Luxinnovation ?',
    'quels sont les six piliers ?',
    'MeluXina est-il un supercalculateur ?',
    'quels projets l’AI Factory a-t-elle soutenus ?',
    'quel est le rôle de l’IA dans le secteur financier ?',
    'qu’est-ce que le AI Act ?',
    'pour rappel, quels sont les six piliers ?',
  ],
  de: [
    'Welche Sprachen sprechen Sie?',
    'Was ist die AI Factory?',
    'was bietet die AI Factory an?',
    'was ist das 1-%-Ziel?',
    'wer sind die Partner der AI Factory?',
    'wie viele GPUs hat MeluXina?',
    'welche Schulungen bietet die AI Factory an?',
    'wann wurde die KI-Strategie veröffentlicht?',
    'können Sie mir helfen?',
    'hallo',
    'was macht Luxinnovation?',
    'was sind die sechs Säulen?',
    'ist MeluXina ein Supercomputer?',
    'welche Projekte hat die AI Factory unterstützt?',
    'welche Rolle spielt KI im Finanzsektor?',
    'was ist der AI Act?',
  ],
  lb: [
    'Wat ass d’AI Factory?',
    'Wat bitt d’AI Factory un?',
    'Wat ass d’1-%-Zil?',
    'Wien sinn d’Partner vun der AI Factory?',
    'Wéi vill GPUen huet de MeluXina?',
    'Wéi eng Formatioune bitt d’AI Factory un?',
    'Wéini gouf d’KI-Strategie publizéiert?',
    'Kënnt Dir mir hëllefen?',
    'Moien',
    'Wat mécht Luxinnovation?',
    'Wat sinn déi sechs Pilieren?',
    'Ass MeluXina e Supercomputer?',
    'Wéi eng Projeten huet d’AI Factory ënnerstëtzt?',
    'Wéi eng Roll spillt KI am Finanzsecteur?',
    'Wat ass den AI Act?',
  ],
};

describe('detectSupportIntent', () => {
  describe.each(Object.keys(REQUESTS) as Lang[])('%s', (lang) => {
    it.each(REQUESTS[lang])('"%s" is a support request about %j', (message, topics) => {
      const result = detectSupportIntent(message, lang);
      expect(result.intent).toBe(true);
      expect(result.topics).toEqual(expect.arrayContaining(topics));
    });

    it.each(QUESTIONS[lang])('"%s" is a question, not a request', (message) => {
      expect(detectSupportIntent(message, lang).intent).toBe(false);
    });
  });

  it.each([
    ['en', 'We are a logistics company, where do we start?', true],
    ['en', 'How should we go about it?', true],
    ['fr', "On voudrait se lancer, on fait comment ?", true],
    ['de', 'Was sind die ersten Schritte?', true],
    ['lb', 'Wou fänke mir un?', true],
    ['en', 'When did the AI Factory start?', false],
    ['de', 'Wann hat die AI Factory angefangen?', false],
    ['lb', "Wéini huet d'AI Factory ugefaangen?", false],
  ] as const)('(%s) "%s" asks where to begin: %s', (lang, message, starting) => {
    expect(detectSupportIntent(message, lang).starting).toBe(starting);
  });

  it.each([
    ['en', 'where do i start', true],
    ['fr', 'Par où commencer avec l’IA ?', true],
    ['de', 'Was sind die ersten Schritte mit KI?', true],
    ['en', 'How do I start an AI project with you?', true],
    ['de', 'Wie starte ich ein KI-Projekt mit euch?', true],
    ['en', 'How do I start running?', false],
    ['en', 'What are the first steps of the strategy?', false],
    ['lb', 'Mir sinn eng kleng Bakerei, wou fänke mir un?', false],
  ] as const)('(%s) "%s" asks where to begin and nothing else: %s', (lang, message, only) => {
    expect(detectSupportIntent(message, lang).startingOnly).toBe(only);
  });

  it('counts a request for a person as the contact topic', () => {
    expect(detectSupportIntent('kann ech mat engem Mënsch schwätzen', 'lb')).toMatchObject({ intent: true, topics: ['contact'] });
  });
});
