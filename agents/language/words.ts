// Word lists that tell our four languages apart where trigrams cannot: short messages and close calls.
import type { Lang } from './languages.ts';

// Function words, question words and the few verbs visitors ask with, as typed: lower case, with and without
// accents. A word listed in two languages votes for both. Names (MeluXina, LIST) and English loanwords ("AI",
// "cloud", "start-up") are absent on purpose, so they never vote; French "ai" is left out for the same reason.
export const FUNCTION_WORDS: Record<Lang, readonly string[]> = {
  en: [
    'what', 'whats', "what's", 'how', "how's", 'who', "who's", 'whom', 'whose', 'where', "where's", 'when', 'why', 'which',
    'is', "isn't", 'are', "aren't", 'was', 'were', 'be', 'been', 'the', 'of', 'to', 'and', 'or', 'for', 'with', 'from',
    'about', 'by', 'at', 'on', 'in', 'into', 'a', 'an', 'am', 'so', 'also', 'will', 'me', 'can', 'could',
    "can't", 'cannot', 'do', 'does', "doesn't", 'did', "don't", 'dont', 'i', "i'm", 'im', "i'd", "i've", 'my', 'we',
    'our', 'us', 'you', 'your', 'it', "it's", 'its', 'this', 'that', 'these', 'those', 'there', "there's", 'here',
    'they', 'their', 'many', 'much', 'any', 'some', 'not', 'have', 'has', 'get', 'need', 'want', 'would', 'should',
    'if', 'than', 'then', 'more', 'just', 'cost', 'costs', 'price', 'free', 'help',
  ],
  fr: [
    'qui', 'que', "qu'", 'quoi', 'koi', 'quel', 'quelle', 'quels', 'quelles', 'comment', 'combien', 'pourquoi', 'où', 'ou',
    'quand', 'est', "c'", 'cest', 'ce', 'cet', 'cette', 'ces', 'ça', 'ca', 'le', 'la',
    'les', 'un', 'une', 'du', 'des', 'de', "d'", 'au', 'aux', 'et', 'en', 'y', 'a', 'à', 'on', 'me', 'hier', 'je',
    "j'", 'jai', 'tu', 'il', 'elle', 'nous', 'vous', 'ils', 'elles', 'si', 'se', "s'", "l'", "n'", "m'", "t'", 'mon', 'ma',
    'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'pas', 'ne',
    'pour', 'par', 'avec', 'sans', 'dans', 'sur', 'chez', 'entre', 'suis', 'sont', 'sommes', 'êtes', 'etes', 'avez',
    'avons', 'ont', 'peut', 'peux', 'pouvez', 'puis', 'faut', 'fait', 'faire', 'veux', 'voudrais', 'aussi',
    'très', 'tres', 'coûte', 'coute', 'coûtent', 'prix', 'gratuit', 'gratuite', 'aide', 'besoin', 'svp', 'stp',
  ],
  de: [
    'was', 'wer', 'wen', 'wem', 'wie', 'wieviel', 'wieviele', 'viel', 'viele', 'wo', 'woher', 'wohin', 'warum',
    'wieso', 'weshalb', 'wann', 'welche', 'welcher', 'welches', 'welchen', 'ich', 'du', 'er', 'sie', 'es', 'wir',
    'ihr', 'uns', 'unser', 'unsere', 'mein', 'meine', 'meinen', 'mich', 'mir', 'dir', 'dich', 'ihnen', 'man', 'sich',
    'ist', 'sind', 'bin', 'bist', 'war', 'gibt', 'gibts', 'hat', 'habe', 'haben', 'hast', 'kann', 'kannst',
    'können', 'konnen', 'koennen', 'kennen', 'könnte', 'muss', 'müssen', 'möchte', 'mochte', 'moechte', 'will',
    'soll', 'wird', 'werden', 'wurde', 'wurden', 'worden', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer',
    'kein', 'keine', 'und', 'oder', 'aber', 'nicht', 'auch', 'noch', 'nur', 'schon', 'sehr', 'also', 'für', 'fur',
    'fuer', 'mit', 'von', 'vom', 'beim', 'zum', 'zur', 'im', 'am', 'an', 'in', 'so', 'auf', 'aus', 'bei', 'nach', 'über',
    'uber', 'ueber', 'zu', 'um', 'da', 'dann', 'hier', 'dort', 'dass', 'daß', 'ob', 'wenn', 'weil', 'kostet',
    'kosten', 'kostenlos', 'gratis', 'preis', 'hilfe', 'finde', 'finden', 'bekomme', 'bekommen', 'brauche',
    'brauchen', 'gut', 'leitet',
  ],
  lb: [
    'wat', 'wie', 'wéi', 'wei', 'wéivill', 'weivill', 'vill', 'wou', 'wéini', 'weini', 'wien', 'wiem', 'firwat', 'ech',
    'mir', 'mer', 'dir', 'du', 'mech', 'dech', 'sech', 'hien', 'si', 'et', 'mäi', 'meng', 'menger', 'mengem', 'är', 'äre', 'ären', 'eis',
    'eise', 'eisen', 'iech', 'ass', 'sinn', 'sidd', 'bass', 'war', 'gëtt', 'gett', 'ginn', 'gi', 'gouf', 'goufen',
    'hunn', 'hues', 'huet', 'hutt', 'hat', 'kann', 'kënnen', 'kennen', 'kënnt', 'kennt', 'muss', 'soll', 'wëll',
    'wëllt', 'wellt', 'de', "d'", "z'", 'den', 'der', 'dem', 'des', 'dat', 'datt', 'dës', 'dëst', 'dëse', 'dee',
    'déi', 'deen', 'een', 'eng', 'engem', 'enger', 'an', 'am', 'un', 'op', 'fir', 'vun', 'vum', 'mat', 'mam', 'iwwer',
    'ënner', 'ënnert', 'no', 'bei', 'beim', 'do', 'just', 'zu', 'um', 'ze', 'net', 'och', 'nach', 'elo', 'schonn', 'awer', 'oder', 'sou',
    'esou', 'wann', 'dann', 'da', 'aus', 'gratis', 'kascht', 'kaschten', 'präis', 'hëllef', 'hellef',
    'kréien', 'kreien', 'bitt', 'maachen', 'mécht', 'mecht', 'brauch', 'brauchen', 'gutt', 'leet',
  ],
};

// Greetings, thanks and yes/no: they show which language a visitor uses, but a message made of them alone never
// carries enough to switch a conversation ("merci" in a Luxembourgish conversation stays Luxembourgish).
export const COURTESY_WORDS: Record<Lang, readonly string[]> = {
  en: ['hello', 'hi', 'hey', 'thanks', 'thank', 'thx', 'ty', 'please', 'yes', 'no', 'bye', 'goodbye', 'great'],
  fr: ['bonjour', 'bonsoir', 'salut', 'merci', 'beaucoup', 'oui', 'non', 'revoir', "d'accord", 'daccord', 'bien'],
  de: ['hallo', 'danke', 'dankeschön', 'bitte', 'guten', 'tag', 'morgen', 'servus', 'tschüss', 'tschuss', 'vielen', 'dank', 'schön', 'ja', 'nein', 'nee'],
  lb: ['moien', 'moin', 'salut', 'hallo', 'merci', 'villmools', 'danke', 'bitte', 'äddi', 'addi', 'jo', 'nee', 'gudde', 'wgl'],
};

// Function words of the languages visitors most often write in besides ours, none of them a word of ours: they
// keep a short Spanish or Portuguese question from being read as French, and flag it when nothing of ours is there.
export const FOREIGN_WORDS: Record<string, readonly string[]> = {
  spa: ['qué', 'cómo', 'como', 'cuánto', 'cuanto', 'cuánta', 'cuál', 'cual', 'dónde', 'donde', 'el', 'los', 'las', 'una', 'del', 'para', 'puedo', 'hay', 'muy', 'hola', 'gracias', 'usted', 'está', 'esta', 'cuesta', 'porque', 'tengo', 'sí', 'puede', 'pueden', 'ayudar', 'ayuda', 'sobre', 'mis', 'nuestra', 'nuestro', 'buenos', 'buenas', 'días', 'también', 'empresa'],
  por: ['como', 'quanto', 'quanta', 'qual', 'onde', 'quem', 'uma', 'para', 'posso', 'você', 'voce', 'não', 'nao', 'é', 'são', 'isso', 'isto', 'olá', 'ola', 'obrigado', 'obrigada', 'custa', 'tem', 'muito', 'pode', 'podem', 'ajudar', 'ajuda', 'sobre', 'meus', 'minha', 'minhas', 'seu', 'sua', 'ao', 'aos', 'pelo', 'pela', 'bom', 'boa', 'também', 'empresa'],
  ita: ['che', 'chi', 'cosa', 'come', 'quanto', 'quanti', 'dove', 'perché', 'perche', 'gli', 'della', 'del', 'una', 'per', 'posso', 'è', 'sono', 'questo', 'ciao', 'grazie', 'buongiorno', 'costa', 'vorrei', 'mio', 'mia'],
  nld: ['ik', 'het', 'niet', 'hoe', 'zijn', 'wij', 'jullie', 'voor', 'welke', 'kost', 'waar', 'wanneer', 'waarom', 'veel', 'mijn', 'jij', 'bedankt', 'alstublieft', 'graag', 'goedemorgen', 'heb', 'hebben'],
};
