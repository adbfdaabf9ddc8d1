import { describe, expect, it } from 'vitest';
import { checkAnswerLanguage, createLanguageGuard } from '../../../agents/guards/language.ts';
import { containsSecret, createLeakGuard } from '../../../agents/guards/leak.ts';
import { fitHistory } from '../../../agents/public/history.ts';

describe('checkAnswerLanguage', () => {
  it('waits for 12 words, then accepts the expected language and flags another', () => {
    expect(checkAnswerLanguage('MeluXina-AI will be', 'en')).toBe('pending');
    expect(checkAnswerLanguage('The AI Factory coordinates between 140 and 200 training courses every year for companies and public bodies [1].', 'en')).toBe('ok');
    expect(checkAnswerLanguage('Die AI Factory koordiniert jedes Jahr zwischen 140 und 200 Schulungen für Unternehmen und öffentliche Stellen [1].', 'fr')).toBe('drift');
    expect(checkAnswerLanguage('D’AI Factory organiséiert all Joer tëscht 140 an 200 Formatioune fir Betriber an ëffentlech Stellen an och fir Fuerscher [1].', 'lb')).toBe('ok');
  });
});

describe('checkAnswerLanguage on openings full of names', () => {
  it('accepts an opening whose function words are plainly the expected language, though names pull the trigrams elsewhere', () => {
    // Both were called a drift by trigram detection alone, and the answer would have been thrown away and asked again.
    expect(checkAnswerLanguage('The strategy groups AI skills into 5 profiles: AI Creators, AI Practitioners, AI Users, pupils and citizens [1].', 'en')).toBe('ok');
    expect(checkAnswerLanguage("Den AI Act verdeelt d'Flichten op zwou Rollen: den Ubidder an de Betreiber vun engem KI-System [1].", 'lb')).toBe('ok');
  });

  it('still flags an answer in another language, ours or a foreign one', () => {
    expect(checkAnswerLanguage('The Luxembourg AI Factory hilft Unternehmen und Forschenden beim Einsatz künstlicher Intelligenz [1].', 'en')).toBe('drift');
    expect(checkAnswerLanguage('El Luxembourg AI Factory ayuda a las empresas y a los investigadores con la inteligencia artificial [1].', 'en')).toBe('drift');
    expect(checkAnswerLanguage("La stratégie regroupe les compétences en IA en 5 profils : AI Creators, AI Practitioners et citoyens [1].", 'de')).toBe('drift');
  });
});

describe('createLanguageGuard', () => {
  /** Word-sized tokens with their leading space, as a model streams them. */
  const tokens = (text: string) => text.match(/\s*\S+/g) ?? [];

  it.each([
    ['en', 'The AI Factory coordinates between 140 and 200 training courses every year for companies and public bodies [1].'],
    ['fr', 'Die AI Factory koordiniert jedes Jahr zwischen 140 und 200 Schulungen für Unternehmen und öffentliche Stellen [1].'],
    ['lb', 'D’AI Factory organiséiert all Joer tëscht 140 an 200 Formatioune fir Betriber an ëffentlech Stellen an och fir Fuerscher [1].'],
    ['en', 'El Luxembourg AI Factory ayuda a las empresas y a los investigadores con la inteligencia artificial [1].'],
    ['de', 'MeluXina-AI\n\nwird   15-mal leistungsfähiger sein als MeluXina, sagt das Ministerium, und steht Forschenden offen [1].'],
  ] as const)('gives for each streamed prefix of a %s answer the verdict the check gives the prefix, once settled', (lang, answer) => {
    const guard = createLanguageGuard(lang);
    let text = '';
    let settled: string | null = null;
    for (const token of tokens(answer)) {
      text += token;
      const verdict = guard.push(token);
      // The guard may look later than the check could, never earlier, and keeps its first verdict.
      settled ??= verdict === 'pending' ? null : verdict;
      if (settled) expect(verdict).toBe(settled);
      else expect(verdict).toBe('pending');
    }
    expect(settled).toBe(checkAnswerLanguage(answer, lang));
  });

  it('settles on the token that completes the twelfth word', () => {
    const guard = createLanguageGuard('en');
    const words = tokens('The AI Factory coordinates between 140 and 200 training courses every year for companies [1].');
    const verdicts = words.map((token) => guard.push(token));
    // "140" and "200" are not words: the twelfth word is "companies", the fourteenth token.
    expect(verdicts.indexOf('ok')).toBe(13);
  });
});

describe('createLeakGuard', () => {
  const secrets = ['cnry-1234-5678', 'http://10.1.2.3:11434', 'You are the assistant of the Luxembourg'];

  it('lets ordinary text through at once', () => {
    const guard = createLeakGuard(secrets);
    expect(guard.push('MeluXina-AI will be ')).toBe('MeluXina-AI will be ');
    expect(guard.push('15 times faster [1].')).toBe('15 times faster [1].');
    expect(guard.flush()).toBe('');
  });

  it('catches a secret split across tokens, in any case, without sending its start', () => {
    const guard = createLeakGuard(secrets);
    let sent = guard.push('Sure! The marker is cnry-12') ?? '';
    expect(sent).toBe('Sure! The marker is ');
    expect(guard.push('34-5678.')).toBeNull();
    expect(guard.flush()).toBeNull();
    sent += '';
    expect(containsSecret(sent, secrets)).toBe(false);
    const upper = createLeakGuard(secrets);
    expect(upper.push('YOU ARE THE ASSISTANT OF THE LUXEMBOURG AI Factory')).toBeNull();
  });

  it('sends a word whole that ends in the first letter of a secret, and at most that letter of a secret split after it', () => {
    const guard = createLeakGuard(secrets);
    // "y" begins "You are…", "h" begins the address: neither word waits for the next token.
    expect(guard.push('The Luxembourg AI Factory')).toBe('The Luxembourg AI Factory');
    expect(guard.push(' can help with')).toBe(' can help with');
    expect(guard.push(' c')).toBe(' c');
    expect(guard.push('n')).toBe('');
    expect(guard.push('ry-1234-5678')).toBeNull();
  });

  it('catches a secret split across tokens far into a long answer, and not a secret\'s halves far apart', () => {
    const guard = createLeakGuard(secrets);
    const words = Array.from({ length: 2000 }, (_, i) => `word${i} `);
    let sent = '';
    for (const word of words) sent += guard.push(word) ?? '';
    expect(sent).toBe(words.join(''));
    expect(guard.push('You are the ')).toBe('');
    expect(guard.push('assistant of ')).toBe('');
    expect(guard.push('the LUXEMBOURG')).toBeNull();

    const apart = createLeakGuard(secrets);
    expect(apart.push('cnry-1234')).toBe('');
    expect(apart.push(' is a code; '.repeat(20))).toBe('cnry-1234' + ' is a code; '.repeat(20));
    expect(apart.push('-5678')).toBe('-5678');
  });

  it('releases a held tail that turns out harmless', () => {
    const guard = createLeakGuard(secrets);
    expect(guard.push('see http://10.1')).toBe('see ');
    expect(guard.push('0 for details')).toBe('http://10.10 for details');
  });
});

describe('fitHistory', () => {
  it('keeps the latest turns within the budget and never starts with an answer', () => {
    const turns = [
      { role: 'user' as const, content: 'a'.repeat(400) },
      { role: 'assistant' as const, content: 'b'.repeat(400) },
      { role: 'user' as const, content: 'c'.repeat(40) },
      { role: 'assistant' as const, content: 'd'.repeat(40) },
    ];
    expect(fitHistory(turns, 30).map((t) => t.content[0])).toEqual(['c', 'd']);
    expect(fitHistory(turns, 130).map((t) => t.content[0])).toEqual(['c', 'd']);
    expect(fitHistory(turns, 1000).map((t) => t.content[0])).toEqual(['a', 'b', 'c', 'd']);
  });
});
