// detectSupportIntent: support requests in EN/FR/DE/LB recognised, plain knowledge questions left alone.
import { describe, expect, it } from 'vitest';
import { detectSupportIntent } from '../../../agents/leads/intent.ts';
import type { Lang } from '../../../agents/language/languages.ts';

describe('detectSupportIntent', () => {
  it.each<[Lang, string, string[]]>([
    ['en', 'We would like funding for an AI project in our company', ['funding', 'project']],
    ['en', 'Can I talk to someone about GPU access?', ['infrastructure', 'contact']],
    ['en', 'Our startup needs training for 10 engineers, how can we sign up?', ['training']],
    ['en', 'We need access to public data for a pilot', ['project', 'data_access']],
    ['fr', 'Nous souhaitons un accompagnement pour notre projet d’IA', ['project', 'support']],
    ['fr', 'Existe-t-il des subventions pour les PME ?', ['funding']],
    ['fr', 'Je voudrais être contacté par un conseiller', ['contact']],
    ['de', 'Wir suchen Förderung für unser KI-Projekt', ['funding', 'project']],
    ['de', 'Wie können wir Rechenzeit auf MeluXina bekommen?', ['infrastructure']],
    ['de', 'Ich möchte einen Termin mit einem Berater', ['contact']],
    ['lb', 'Mir wëllen eng Formatioun fir eis Equipe', ['training']],
    ['lb', 'Wéi kënne mir Ënnerstëtzung fir e Projet kréien?', ['project', 'support']],
    ['lb', 'Gëtt et Fërdermëttel fir Start-ups?', ['funding']],
  ])('%s: "%s" is a support request', (lang, message, topics) => {
    const result = detectSupportIntent(message, lang);
    expect(result.intent).toBe(true);
    for (const topic of topics) expect(result.topics).toContain(topic);
  });

  it.each<[Lang, string]>([
    ['en', 'What is MeluXina?'],
    ['en', 'Which sectors does the AI Factory focus on?'],
    ['en', 'What are the flagship projects of the AI strategy?'],
    ['fr', 'Qu’est-ce que la stratégie nationale pour l’IA ?'],
    ['de', 'Welche Sprachen sprechen Sie?'],
    ['de', 'Was ist die AI Factory?'],
    ['lb', 'Wat ass d’AI Factory?'],
  ])('%s: "%s" is a question, not a request', (lang, message) => {
    expect(detectSupportIntent(message, lang).intent).toBe(false);
  });
});
