// detectSmallTalk: messages that are only a greeting, thanks, a goodbye, "who are you?" or an "ok", in EN/FR/DE/LB; anything with a real question is not.
import { describe, expect, it } from 'vitest';
import { detectSmallTalk, withoutOpening, type SmallTalkKind } from '../../../agents/intent/small-talk.ts';
import type { Lang } from '../../../agents/language/languages.ts';

const SMALL_TALK: Record<Lang, [string, SmallTalkKind][]> = {
  en: [
    ['hi', 'greeting'],
    ['Hello!', 'greeting'],
    ['hey there', 'greeting'],
    ['good morning', 'greeting'],
    ['hiii :)', 'greeting'],
    ['how are you?', 'greeting'],
    ['Hello AI Factory', 'greeting'],
    ['thanks', 'thanks'],
    ['thank you so much!', 'thanks'],
    ['thx', 'thanks'],
    ['ok thanks', 'thanks'],
    ['great, thanks for the help', 'thanks'],
    ['cheers', 'thanks'],
    ['bye', 'goodbye'],
    ['goodbye, have a nice day', 'goodbye'],
    ['see you', 'goodbye'],
    ['thanks, bye!', 'goodbye'],
    ['who are you?', 'identity'],
    ['what are you', 'identity'],
    ['are you a bot?', 'identity'],
    ['are you a human or a bot?', 'identity'],
    ['can you help me?', 'identity'],
    ['what can you do', 'identity'],
    ['hi, who are you?', 'identity'],
    ['am i talking to a real person?', 'identity'],
    ['ok', 'ack'],
    ['cool', 'ack'],
    ['got it', 'ack'],
    ['alright, perfect', 'ack'],
    ['Okay.', 'ack'],
    ['thanks a lot for your help!', 'thanks'],
    ['that was really helpful', 'thanks'],
    ['Who am I talking to right now?', 'identity'],
    ["Good morning, I'm a teacher", 'greeting'],
    ['do you speak German?', 'identity'],
    ['which languages do you speak?', 'identity'],
  ],
  fr: [
    ['bonjour', 'greeting'],
    ['Salut !', 'greeting'],
    ['bonsoir', 'greeting'],
    ['coucou', 'greeting'],
    ['bjr', 'greeting'],
    ['bonjour, comment allez-vous ?', 'greeting'],
    ['merci', 'thanks'],
    ['merci beaucoup !', 'thanks'],
    ['merci pour votre aide', 'thanks'],
    ['super merci', 'thanks'],
    ['au revoir', 'goodbye'],
    ['bonne journée à vous', 'goodbye'],
    ['a bientot', 'goodbye'],
    ['merci, au revoir', 'goodbye'],
    ['qui êtes-vous ?', 'identity'],
    ['t es qui', 'identity'],
    ['vous etes un robot ?', 'identity'],
    ['vous etes un humain ou un robot ?', 'identity'],
    ['pouvez-vous m’aider ?', 'identity'],
    ['tu peux m aider', 'identity'],
    ['que pouvez vous faire', 'identity'],
    ['est-ce que je parle à un humain ?', 'identity'],
    ['d’accord', 'ack'],
    ['d accord', 'ack'],
    ['ok', 'ack'],
    ['parfait', 'ack'],
    ['ça marche', 'ack'],
    ['tres bien', 'ack'],
    ["super merci, t'es top", 'thanks'],
    ['Parlez-vous luxembourgeois ?', 'identity'],
    ['quelles langues parlez-vous ?', 'identity'],
    ['Merci beaucoup, tu es qui au fait ?', 'identity'],
  ],
  de: [
    ['hallo', 'greeting'],
    ['Guten Tag', 'greeting'],
    ['moin', 'greeting'],
    ['servus', 'greeting'],
    ['guten morgen!', 'greeting'],
    ['hi wie gehts', 'greeting'],
    ['danke', 'thanks'],
    ['Vielen Dank!', 'thanks'],
    ['danke schön', 'thanks'],
    ['danke für die hilfe', 'thanks'],
    ['tschüss', 'goodbye'],
    ['tschuss', 'goodbye'],
    ['auf wiedersehen', 'goodbye'],
    ['schönen tag noch', 'goodbye'],
    ['ok danke tschüss', 'goodbye'],
    ['wer bist du?', 'identity'],
    ['Wer sind Sie', 'identity'],
    ['bist du ein bot', 'identity'],
    ["Wie geht's dir heute?", 'greeting'],
    ['Bist du ein Mensch oder eine Maschine?', 'identity'],
    ['Können Sie mir helfen?', 'identity'],
    ['was kannst du', 'identity'],
    ['spreche ich mit einem Menschen?', 'identity'],
    ['ok', 'ack'],
    ['alles klar', 'ack'],
    ['super', 'ack'],
    ['verstanden', 'ack'],
    ['passt', 'ack'],
    ['Wer bist du eigentlich?', 'identity'],
    ['Sprechen Sie auch Deutsch?', 'identity'],
    ['Guten Morgen, ich bin Lehrerin', 'greeting'],
    ['Danke für die Hilfe, das war wirklich hilfreich', 'thanks'],
  ],
  lb: [
    ['Moien', 'greeting'],
    ['moien!', 'greeting'],
    ['Gudde Moien', 'greeting'],
    ['Salut', 'greeting'],
    ['Hallo', 'greeting'],
    ['moien, wéi geet et?', 'greeting'],
    ['Gudden Owend', 'greeting'],
    ['Merci', 'thanks'],
    ['Merci villmools', 'thanks'],
    ['villmools merci!', 'thanks'],
    ['merci fir d’Hëllef', 'thanks'],
    ['Äddi', 'goodbye'],
    ['addi', 'goodbye'],
    ['Bis geschwënn', 'goodbye'],
    ['Schéinen Dag nach', 'goodbye'],
    ['ok merci, äddi', 'goodbye'],
    ['Wien sidd Dir?', 'identity'],
    ['wien bass du', 'identity'],
    ['bass du e Roboter?', 'identity'],
    ['Kënnt Dir mir hëllefen?', 'identity'],
    ['wat kanns du', 'identity'],
    ['Sidd dir e Mensch oder e Roboter?', 'identity'],
    ['ok', 'ack'],
    ['Alles kloer', 'ack'],
    ['Super', 'ack'],
    ['Perfekt', 'ack'],
    ['an der Rei', 'ack'],
    ['Merci villmools, dat war immens hëllefräich!', 'thanks'],
    ['Schwätz du och Lëtzebuergesch?', 'identity'],
    ['Moien, ech sinn Enseignante', 'greeting'],
    ['Dir waart super hëllefräich, merci', 'thanks'],
  ],
};

const NOT_SMALL_TALK: Record<Lang, string[]> = {
  en: [
    'hi, what is MeluXina?',
    'hello, how can I get funding for my startup?',
    'thanks, and what about training for my staff?',
    'who are the partners of the AI Factory?',
    'what is the AI Factory?',
    'ok so how do I apply',
    'hey can you tell me about the national AI strategy',
    'good morning, I would like to talk to an advisor',
    'who are you working with in Luxembourg?',
    'can you help me find a partner for my AI project?',
    'thanks for the info about the Digital Innovation Hub, what does it cost?',
    'is the help desk open on Sunday?',
    'cool, does MeluXina have GPUs?',
    'ok what about data access',
    'what can you do for a bakery?',
    'how are your services funded?',
    'bye the way is there a deadline for the call',
    'do you speak German? what is MeluXina',
    'thanks for the help, now what about GPUs?',
    "I'm a teacher, how do I explain machine learning?",
  ],
  fr: [
    'bonjour, qu’est-ce que MeluXina ?',
    'salut, comment obtenir un financement ?',
    'merci, et pour la formation de mes employés ?',
    'qui sont les partenaires de l’AI Factory ?',
    'c’est quoi l’AI Factory',
    'ok et comment je postule',
    'bonjour je voudrais parler à un conseiller',
    'qui êtes-vous comme organisation, une agence publique ?',
    'pouvez-vous m’aider à trouver un partenaire pour mon projet ?',
    'merci pour l’info, c’est gratuit pour les PME ?',
    'd’accord mais quel est le délai ?',
    'bonjour, quelle est la stratégie nationale pour l’IA ?',
    'que pouvez-vous faire pour une boulangerie ?',
    'salut vous avez des GPU pour les start-up ?',
    'au revoir les formulaires papier : tout se fait en ligne ?',
  ],
  de: [
    'hallo, was ist MeluXina?',
    'Guten Tag, wie bekomme ich eine Förderung?',
    'danke, und was kostet das?',
    'wer sind die Partner der AI Factory?',
    'was ist die AI Factory',
    'ok und wie melde ich mich an',
    'hallo ich möchte mit einem Mitarbeiter sprechen',
    'können sie mir bei meinem KI-Projekt helfen?',
    'was kannst du mir über die KI-Strategie sagen',
    'super, gibt es auch Kurse auf Deutsch?',
    'Hallo zusammen, wo finde ich die Ausschreibung?',
    'wer bist du und was kostet die Beratung?',
    'alles klar, und wann ist die nächste Frist?',
    'moin, habt ihr GPUs für Startups?',
    'vielen Dank für die Info, gilt das auch für Vereine?',
    'Sprechen Sie Deutsch und was kostet die Beratung?',
  ],
  lb: [
    'Moien, wat ass MeluXina?',
    'Salut, wéi kréie mir Fërdermëttel?',
    'Merci, a wat kascht dat?',
    'Wien sinn d’Partner vun der AI Factory?',
    'Wat ass d’AI Factory?',
    'ok a wéi kann ech mech umellen',
    'Moien, ech wéilt mat engem Mënsch schwätzen',
    'Kënnt Dir mir bei mengem Projet hëllefen?',
    'wat kanns du mir iwwer d’KI-Strategie soen',
    'Super, gëtt et och Coursen op Lëtzebuergesch?',
    'Gudde Moien, wou fannen ech den Appel à projets?',
    'Wien sidd Dir als Organisatioun?',
    'wien ass de Minister?',
    'Merci fir d’Info, gëllt dat och fir Associatiounen?',
    'Alles kloer, a wéini ass d’Deadline?',
    'hallo, hutt Dir GPUs fir Start-ups?',
  ],
};

describe('detectSmallTalk', () => {
  describe.each(Object.keys(SMALL_TALK) as Lang[])('%s', (lang) => {
    it.each(SMALL_TALK[lang])('"%s" is small talk: %s', (message, kind) => {
      expect(detectSmallTalk(message, lang)).toEqual({ kind });
    });

    it.each(NOT_SMALL_TALK[lang])('"%s" is not small talk', (message) => {
      expect(detectSmallTalk(message, lang)).toBeNull();
    });
  });

  it('recognises the greetings shared across languages whatever the message language', () => {
    expect(detectSmallTalk('Moien', 'en')).toEqual({ kind: 'greeting' });
    expect(detectSmallTalk('merci', 'de')).toEqual({ kind: 'thanks' });
  });

  it('ignores empty messages, punctuation alone and pleasantries alone', () => {
    expect(detectSmallTalk('', 'en')).toBeNull();
    expect(detectSmallTalk('?!', 'fr')).toBeNull();
    expect(detectSmallTalk('please', 'en')).toBeNull();
  });
});

describe('withoutOpening', () => {
  it.each([
    ['en', 'Hello, what is the AI Factory?', 'what is the AI Factory?'],
    ['fr', "Bonjour, qu'est-ce que l'AI Factory ?", "qu'est-ce que l'AI Factory ?"],
    ['de', 'Guten Tag! Wie beantrage ich eine Förderung?', 'Wie beantrage ich eine Förderung?'],
    ['lb', "Moien, wat mécht d'AI Factory?", "wat mécht d'AI Factory?"],
    ['en', 'Good morning! Thanks for the help, and what about funding?', 'and what about funding?'],
    ['en', 'ok cool, do you partner with universities?', 'do you partner with universities?'],
    ['de', 'Super, und welche Kurse gibt es?', 'und welche Kurse gibt es?'],
  ] as const)('%s: "%s" is asked as "%s"', (lang, message, asked) => {
    expect(withoutOpening(message, lang)).toBe(asked);
  });

  it('keeps words that only surround a greeting, a message of small talk alone, and a message without one', () => {
    expect(withoutOpening('Hi, the AI Factory offers what?', 'en')).toBe('the AI Factory offers what?');
    expect(withoutOpening('Hello there, thanks!', 'en')).toBe('Hello there, thanks!');
    expect(withoutOpening('What does the AI Factory do?', 'en')).toBe('What does the AI Factory do?');
    expect(withoutOpening('Hello,what is it?', 'en')).toBe('Hello,what is it?');
  });
});
