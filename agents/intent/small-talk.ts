// Small talk: a message that is only a greeting, thanks, a goodbye, "who are you?" or an "ok" gets a short reply, not a search.
import { LANGS, type Lang } from '../language/languages.ts';
import { wordPattern, wordText } from './words.ts';

export const SMALL_TALK_KINDS = ['greeting', 'thanks', 'goodbye', 'identity', 'ack'] as const;
export type SmallTalkKind = (typeof SMALL_TALK_KINDS)[number];
export type SmallTalk = { kind: SmallTalkKind };

type Phrases = Record<SmallTalkKind, string[]> & { filler: string[] };

// Words every visitor in Luxembourg uses whatever language they write in ("merci", "ok", "moien", "ciao").
const SHARED: Phrases = {
  greeting: ['hi', 'hello', 'hey', 'hallo', 'salut', 'moien', 'bonjour', 'servus'],
  thanks: ['thanks', 'thank you', 'thx', 'merci', 'danke'],
  goodbye: ['bye', 'bye bye', 'ciao', 'tschau', 'tschuss', 'addi', 'adieu'],
  identity: [],
  ack: ['ok', 'okay', 'okey', 'oki', 'k', 'kk', 'cool', 'super', 'top', 'perfect', 'parfait', 'perfekt'],
  filler: ['ai factory', 'luxembourg ai factory', 'bot', 'chatbot', 'oh', 'ah', 'haha', 'hahaha', 'lol', 'hm', 'hmm'],
};

// Each phrase is a word pattern (see words.ts); fillers may surround the phrases but never make small talk alone.
const PHRASES: Record<Lang, Phrases> = {
  en: {
    greeting: ['hiya', 'heya', 'howdy', 'yo', 'greetings', 'good (?:morning|afternoon|evening|day)', 'morning', 'evening', 'how are (?:you|u|ya)(?: doing)?', 'how r u', 'hows it going', 'whats up', 'sup', 'nice to meet you'],
    thanks: ['thank (?:you|u)(?: so much| very much| a lot)?', 'thanks (?:so much|a lot|a million)', 'many thanks', 'thnx', 'thanx', 'ty', 'tysm', 'cheers', 'much appreciated', 'appreciate it', '(?:thanks|thank (?:you|u)(?: so much| very much| a lot)?) for (?:the |your |all the |all your )?(?:help|info|information|answer|answers|reply|quick reply)', '(?:that was |that is |thats |you were |you are |youre )?(?:very |really |super |so |most |extremely )?helpful'],
    goodbye: ['good ?bye', 'see (?:you|ya|u)(?: later| soon)?', 'cya', 'later', 'take care', 'have a (?:nice|good|great) (?:day|evening|weekend|one)', 'good night', 'farewell', 'thats (?:all|it)(?: for now)?', 'that is all', 'im done'],
    identity: ['who (?:are|r) (?:you|u)', 'what (?:are|r) (?:you|u)', 'who am i (?:talking|speaking|chatting) (?:to|with)', 'who is this', 'what is this', '(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|chatbot|ai|human|person|real person|machine|real)(?: or (?:a |an )?(?:bot|robot|chatbot|ai|human|person|real person|machine))?', 'is this (?:a |an )?(?:bot|robot|human|real person|ai)', 'am i (?:talking|speaking|chatting) (?:to|with) (?:a |an )?(?:bot|robot|human|real person|person|machine|ai)', 'what can (?:you|u) do', 'what do (?:you|u) do', 'what can i ask(?: you)?', 'how can (?:you|u) help(?: me| us)?', '(?:can|could) (?:you|u) help(?: me| us)?', 'help(?: me)?', 'i need help', '(?:what is|whats) your name', 'what are you called', '(?:do|can) (?:you|u) (?:also )?(?:speak|understand|write|answer in|reply in) (?:english|french|german|luxembourgish|other languages)', '(?:which|what) languages? (?:do|can) (?:you|u) (?:speak|understand)'],
    ack: ['alright', 'all right', 'great', 'nice', 'good', 'fine', 'sure', 'got it', 'understood', 'i see', 'makes sense', 'awesome', 'excellent', 'fair enough', 'noted', 'no worries', 'sounds good', 'wow', 'interesting', 'good to know'],
    filler: ['there', 'again', 'today', 'so', 'very', 'much', 'please', 'pls', 'you', 'guys', 'all', 'everyone', 'folks', 'team', 'dear', 'friend', 'mate', 'well', 'and', 'then', 'for now', 'the', 'just', 'really', 'assistant', 'right now', 'now', 'here', 'actually', 'by the way', 'btw', '(?:i am|im) (?:a )?(?:teacher|primary teacher|secondary teacher)', 'for (?:the |your |all the |all your |this |that )?(?:help|info|information|answer|answers|reply|quick reply)'],
  },
  fr: {
    greeting: ['bjr', 'bonsoir', 'slt', 'coucou', 'allo', 'rebonjour', 're', 'comment (?:allez vous|vas tu|ca va)', 'ca va', 'cava', 'enchante'],
    thanks: ['mci', 'merci (?:beaucoup|bien|mille fois)', 'mille mercis', 'je vous remercie', 'remerciements', 'merci(?: beaucoup| bien)? pour (?:votre |ton |ta |cette |la |les |vos |tes )?(?:aide|reponse|reponses|info|infos|information|informations)', '(?:etait |tres )?utile', '(?:est|etait) (?:tres |vraiment |super )?utile', '(?:vous etes|tu es|es) (?:vraiment |trop )?(?:top|au top|genial|geniale|super|formidable|adorable)'],
    goodbye: ['au revoir', 'aurevoir', 'a (?:bientot|plus|plus tard|la prochaine|tout a heure)', 'bonne (?:journee|soiree|fin de journee|nuit|continuation)', 'bon week end', 'est tout', 'ca sera tout'],
    identity: ['qui (?:etes vous|es tu)', '(?:tu es|vous etes|es) qui', 'est ce que vous etes', '(?:vous etes|tu es|etes vous|es tu|est ce) (?:un |une )?(?:robot|bot|chatbot|ia|humain|personne|vraie personne|machine)(?: ou (?:un |une )?(?:robot|bot|chatbot|ia|humain|personne|vraie personne|machine))?', '(?:est ce que )?je parle (?:a|avec) (?:un |une )?(?:robot|bot|humain|vraie personne|personne|machine|ia)', 'que (?:pouvez vous|peux tu) faire', 'est ce que (?:vous pouvez|tu peux) faire', '(?:tu sers|vous servez) a quoi', '(?:tu sais|vous savez|tu peux|vous pouvez) faire quoi', 'a quoi (?:servez vous|sers tu)', '(?:pouvez vous|vous pouvez|peux tu|tu peux|pourriez vous) (?:me |nous )?aider', 'aide(?: moi)?', 'aidez moi', 'ai besoin aide', 'comment (?:vous appelez vous|tu appelles)', 'quel est (?:ton|votre) nom', '(?:parlez vous|vous parlez|parles tu|tu parles) (?:aussi |egalement )?(?:anglais|francais|allemand|luxembourgeois|dautres langues|autres langues)', 'quelles langues (?:parlez vous|parles tu|vous parlez|tu parles)'],
    ack: ['accord', 'dac', 'dacc', 'ca marche', 'genial', '(?:tres )?bien', 'entendu', 'compris', 'est note', 'note', 'nickel', 'impeccable', 'excellent', 'bon', 'je vois', 'ca roule', 'ah bon', 'interessant'],
    filler: ['a vous', 'a toi', 'vous', 'toi', 'madame', 'monsieur', 'a tous', 'tout le monde', 'encore', 'svp', 'stp', 'il vous plait', 'et', 'alors', 'assistant', 'cher', 'chere', 'vraiment', 'en fait', 'au fait', 'maintenant', 'ici', 'je suis (?:un |une )?(?:enseignant|enseignante|prof|professeur|professeure|instituteur|institutrice)', 'pour (?:votre |ton |ta |cette |la |les |vos |tes )?(?:aide|reponse|reponses|info|infos|information|informations)'],
  },
  de: {
    greeting: ['hei', 'moin(?: moin)?', 'gruss gott', 'grussgott', 'gruezi', 'gruss dich', 'guten (?:tag|morgen|abend)', 'morgen', 'hallochen', 'wie gehts(?: dir)?', 'wie geht es (?:ihnen|dir|euch)'],
    thanks: ['danke(?: schon| sehr| vielmals)?', 'dankeschon', '(?:vielen|herzlichen|besten|tausend) dank', 'vielen lieben dank', '(?:danke(?: schon| sehr)?|vielen dank) fur (?:die |ihre |deine |eure )?(?:hilfe|antwort|info|infos|information|informationen)', '(?:das war |das ist |du warst |sie waren )?(?:sehr |wirklich |super |echt |total )?hilfreich'],
    goodbye: ['auf wiedersehen', 'wiedersehen', 'bis (?:bald|dann|spater|morgen)', 'schonen (?:tag|abend)(?: noch)?', 'schones wochenende', 'gute nacht', 'machs gut', 'ade', 'das wars', 'das war (?:s|alles)'],
    identity: ['wer (?:bist du|sind sie)', 'was (?:bist du|sind sie)', '(?:bist du|sind sie) (?:ein |eine )?(?:bot|roboter|chatbot|mensch|ki|echter mensch|maschine)(?: oder (?:ein |eine )?(?:bot|roboter|chatbot|mensch|ki|echter mensch|maschine))?', '(?:spreche|rede|chatte) ich (?:hier )?mit (?:einem |einer )?(?:bot|roboter|menschen|maschine|ki|person|echten menschen)', 'was (?:kannst du|konnen sie)(?: alles)?', 'was machst du', 'wobei (?:kannst du|konnen sie) helfen', 'wie (?:kannst du|konnen sie) (?:mir |uns )?helfen', '(?:kannst du|konnen sie|konnten sie) (?:mir|uns) helfen', 'hilfe', 'ich brauche hilfe', 'wie (?:heisst du|heissen sie)', '(?:sprichst du|sprechen sie|kannst du|konnen sie|verstehst du|verstehen sie) (?:auch )?(?:deutsch|englisch|franzosisch|luxemburgisch|andere sprachen)(?: sprechen)?', 'welche sprachen (?:sprichst du|sprechen sie|kannst du|konnen sie)'],
    ack: ['alles klar', 'klar', 'gut', 'sehr gut', 'prima', 'toll', 'verstanden', 'passt', 'alles gut', 'in ordnung', 'geht klar', 'ach so', 'aha', 'gut zu wissen', 'spitze', 'klasse', 'genau'],
    filler: ['bitte', 'heute', 'nochmal', 'noch', 'zusammen', 'alle', 'ihr', 'du', 'sie', 'dir', 'ihnen', 'und', 'na', 'also', 'assistent', 'liebe', 'lieber', 'team', 'eigentlich', 'denn', 'jetzt', 'hier', 'wirklich', 'echt', 'mal', 'ich bin (?:lehrer|lehrerin|lehrkraft|grundschullehrer|grundschullehrerin)', 'fur (?:die |ihre |deine |eure )?(?:hilfe|antwort|antworten|info|infos|information|informationen)'],
  },
  lb: {
    greeting: ['moin', 'gudde (?:moien|metteg|owend|dag)', 'gudden (?:moien|metteg|owend|dag)', 'hei', 'wei geet et(?: iech| dir)?', 'wei ass et', 'wei gets'],
    thanks: ['merci (?:villmools|vill mools|villmols|bescht)', 'villmools merci', 'villen dank', 'dankeschein', '(?:villmools |vill mools )?merci(?: villmools)? fir (?:hellef|antwert|info|informatioun|informatiounen)', '(?:dat war |dat ass |dir waart |du waars )?(?:immens |wierklech |ganz |super |zimmlech |mega )?hellefraich', 'dat (?:huet|hot) (?:mer|mir|eis) (?:gehollef|geholl)'],
    goodbye: ['awar', 'awuer', 'bis (?:geschwenn|herno|muer|dann)', '(?:en )?scheinen (?:dag|owend)(?: nach)?', 'scheine weekend', 'gutt nuecht', 'dat (?:wier|war) et'],
    identity: ['wien (?:sidd dir|bass du|bass de)', 'wat (?:sidd dir|bass du)', 'wien ass dat', '(?:sidd dir|bass du) (?:e |en |eng )?(?:roboter|bot|chatbot|mensch|richtege mensch|maschinn|ki)(?: oder (?:e |en |eng )?(?:roboter|bot|chatbot|mensch|richtege mensch|maschinn|ki))?', 'schwatzen ech (?:hei )?mat engem (?:roboter|bot|mensch|richtege mensch|maschinn)', 'wat (?:kanns du|kenns du|kennt dir)(?: alles)?', '(?:kanns du|kennt dir|keint dir|kanns de) (?:mir|eis) hellefen', 'wei (?:kanns du|kennt dir) (?:mir |eis )?hellefen', 'hellef', 'ech brauch hellef', 'wei (?:heeschs du|heescht dir)', '(?:schwetz du|schwetzs du|schwatz du|schwatzs du|schwatzt dir|kanns du|kennt dir|verstees du|verstitt dir) (?:och )?(?:letzebuergesch|franseisch|englesch|deitsch|aner sproochen)', 'wei eng sproochen (?:schwetz du|schwetzs du|schwatz du|schwatzs du|schwatzt dir|kanns du|kennt dir)'],
    ack: ['okee', 'alles kloer', 'kloer', 'gutt', 'ganz gutt', 'verstanen', 'ech verstinn', 'dat ass gutt', '(?:dat )?passt', 'an der rei', 'ah sou', 'aha', 'genial', 'flott', 'prima', 'wonnerbar'],
    filler: ['w e g', 'haut', 'wann ech gelift', 'alleguer', 'dir', 'du', 'iech', 'an', 'a', 'assistent', 'leif', 'leiwen', 'eigentlech', 'wierklech', 'elo', 'hei', 'dann', 'ech sinn (?:en |eng )?(?:enseignant|enseignante|proff|lehrer|lehrerin|joffer|schoulmeeschter|schoulmeeschtesch)', 'fir (?:d |ar |deng |dng )?(?:hellef|antwert|antwerten|info|infos|informatioun|informatiounen)'],
  },
};

// When a message mixes kinds ("thanks, bye!", "hi, who are you?") the reply answers the part that matters most.
const PRIORITY: readonly SmallTalkKind[] = ['identity', 'goodbye', 'thanks', 'greeting', 'ack'];

type Part = SmallTalkKind | 'filler';
const PARTS: readonly Part[] = [...SMALL_TALK_KINDS, 'filler'];

// One pattern per phrase: an alternation would stop at its first match, not its longest.
const compiled = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    PARTS.flatMap((part) => [...PHRASES[lang][part], ...SHARED[part]].map((phrase) => [part, wordPattern(phrase, lang, true)] as const)),
  ]),
) as Record<Lang, (readonly [Part, RegExp])[]>;

// All of a language's phrases in one pattern, to tell at once that none opens the text: most messages are questions,
// and trying the phrases one by one for them was a tenth of a millisecond of every turn, three times (issue 15).
const anyPhrase = Object.fromEntries(LANGS.map((lang) => [lang, new RegExp(compiled[lang].map(([, pattern]) => pattern.source).join('|'), 'u')])) as Record<Lang, RegExp>;

/**
 * The small-talk phrases a message opens with, read left to right, taking the longest phrase at each step (so
 * "thanks for the help" is thanks and its "help" is not read again as "help me"), each with the number of words
 * read up to its end; `whole` when nothing else follows them.
 */
function readPhrases(text: string, lang: Lang): { parts: { part: Part; words: number }[]; whole: boolean } {
  const parts: { part: Part; words: number }[] = [];
  let words = 0;
  for (let at = 1; at < text.length; ) {
    const rest = text.slice(at);
    if (!anyPhrase[lang].test(rest)) return { parts, whole: false };
    const longest = compiled[lang]
      .map(([part, pattern]) => [part, pattern.exec(rest)?.[0] ?? ''] as const)
      .reduce((best, next) => (next[1].length > best[1].length ? next : best));
    words += longest[1].split(' ').length;
    parts.push({ part: longest[0], words });
    at += longest[1].length + 1;
  }
  return { parts, whole: true };
}

/** The kind of small talk a message is, or null when it holds anything else (a greeting before a question is not). */
export function detectSmallTalk(message: string, lang: Lang): SmallTalk | null {
  const { parts, whole } = readPhrases(wordText(message, lang), lang);
  if (!whole) return null;
  const kind = PRIORITY.find((candidate) => parts.some(({ part }) => part === candidate));
  return kind ? { kind } : null;
}

// What a question may open with and lose: a greeting, thanks or an "ok" says nothing about what is asked.
const OPENING: readonly Part[] = ['greeting', 'thanks', 'ack'];

/**
 * The message without the greeting, thanks or "ok" it opens with ("Hello, what is the AI Factory?" → "what is the AI
 * Factory?"): the knowledge has no word for "hello", and the answer checks counted it as a word of the question they
 * could not find. The cut ends with the last of them, not with a word that only surrounds them ("Hi, the
 * AI Factory offers what?" keeps "the AI Factory"); a message that is small talk only is returned as it is.
 */
export function withoutOpening(message: string, lang: Lang): string {
  const { parts, whole } = readPhrases(wordText(message, lang), lang);
  const cut = parts.findLast(({ part }) => OPENING.includes(part))?.words ?? 0;
  if (cut === 0 || whole) return message;
  // The message's own words, counted as the patterns read them, up to the cut; a word that holds the cut inside
  // it ("Hello,what") leaves the message as it is.
  const tokens = message.trim().split(/\s+/);
  let read = 0;
  for (let i = 0; i < tokens.length; i++) {
    read += wordText(tokens[i]!, lang).trim().split(' ').filter(Boolean).length;
    if (read === cut) return tokens.slice(i + 1).join(' ');
    if (read > cut) return message;
  }
  return message;
}
