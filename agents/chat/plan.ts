// What a turn will say, decided before any model is called: a short reply in kind (another language, small talk),
// the staff queue for a request for a person, an answer from passages, the pillars for a project, or a refusal.
import { assessQuestion, holdsQuestionWord, statPrefixes, mentionsAi, supportsAnswer, type AssessedQuestion } from '../answer/confidence.ts';
import { composeRefusal } from '../answer/offline.ts';
import { leansOnPrevious, mayLeanOnPrevious } from '../intent/follow-up.ts';
import { asksForAppointment, isPersonRequest } from '../intent/person-request.ts';
import { asksAboutPrivacy } from '../intent/privacy-question.ts';
import { asksAboutCost, speaksOfCost } from '../intent/cost-question.ts';
import { asksWhatIsOffered, CATALOGUE_QUESTION } from '../intent/offer-question.ts';
import { detectSmallTalk, withoutOpening } from '../intent/small-talk.ts';
import { introducesVisitor, withoutIntroduction } from '../intent/introduction.ts';
import type { Lang } from '../language/languages.ts';
import { detectSupportIntent, type SupportIntent } from '../leads/intent.ts';
import type { SearchResult } from '../retrieval/search.ts';
import type { ApprovedMatch } from '../approved/match.ts';
import { detectPupilAssessment } from '../intent/pupil-assessment.ts';
import { inScope, scopeOf, searchInScope } from './scope.ts';
import { mayMatch, sameQuestion } from '../answer/faq-match.ts';
import { countsAsked, questionType } from '../answer/question-type.ts';
import { questionPrint, weigher, wordsOf } from '../approved/similarity.ts';
import { resultOf } from '../retrieval/search.ts';
import { afterThisTurn } from '../next-turn.ts';
import type { Assistant, TurnPorts } from './ports.ts';
import { RETENTION_MS } from './retention.ts';
import { DAY_MS, HOUR_MS } from '../ports.ts';

/** A lead form to offer with the reply: its topics, and whether the reply still needs the sentence that offers it. */
export type LeadFormOffer = { topics: string[]; announce: boolean } | null;

export type Plan =
  /** The visitor asks for a person: the conversation goes to the staff queue. */
  | { kind: 'escalate' }
  | { kind: 'reply'; text: string; leadForm: LeadFormOffer }
  /** Staff approved an answer to this question: it is given verbatim, with its citations, and no model is called. */
  | { kind: 'approved'; match: ApprovedMatch }
  /** `query` is what found the passages (a follow-up with its previous question); `framing` introduces the quotes. */
  | { kind: 'answer'; passages: SearchResult[]; query: string; framing: 'offline' | 'pillars'; leadForm: LeadFormOffer };

/** `baseUrl`: the public origin of the request, for the link to the privacy notice. */
export type PlanInput = { conversationId: string; assistant: Assistant; question: string; lang: Lang; foreign?: string; previousQuestion: string | null; baseUrl: string };

const PASSAGES = 4;
const NO_SUPPORT: SupportIntent = { intent: false, topics: [], request: false, organisation: false, starting: false, startingOnly: false };
// Candidates searched for the pillars that fit a project: enough for the six pillar documents to show up.
const PILLAR_CANDIDATES = 12;
const PILLARS_SHOWN = 2;
const PILLAR = /^pillar-/;

/** A query's assessment, read once per turn (the section match and the search both need it). */
type Assess = (query: string) => AssessedQuestion;

// "Combien y a-t-il de piliers ?": every pillar's page names pillars, and the search's first four passages were all
// such pages; the one passage that counts them came later. A question that counts looks this far, and the passages
// that give a number of what it counts come first.
const COUNT_CANDIDATES = 12;

/** `passages`, those that count what the question asks first, in their order otherwise. */
function countingFirst(passages: SearchResult[], question: AssessedQuestion): SearchResult[] {
  const stems = question.terms.map((term) => term.stem);
  const counting = passages.filter((passage) => countsAsked(passage.text, stems));
  return [...counting, ...passages.filter((passage) => !counting.includes(passage))];
}

/** The passages that support an answer to `query` in the user's language; none when the knowledge has no answer. */
async function supported(ports: TurnPorts, assistant: Assistant, query: string, lang: Lang, assess: Assess): Promise<SearchResult[]> {
  const question = assess(query);
  const counts = questionType(query, lang) === 'howMany';
  // The question's terms are counted while the query's vector is still on its way.
  const [results, stats] = await Promise.all([
    searchInScope({ db: ports.db, knowledge: ports.knowledge, embeddings: await ports.embeddings() }, { query, lang, k: counts ? COUNT_CANDIDATES : PASSAGES }, assistant),
    ports.termStats(statPrefixes(question), lang, scopeOf(assistant)),
  ]);
  // Only the user's language is quoted: the knowledge is parallel, so a match found only in another language is a false one.
  const found = results.filter((r) => r.lang === lang && supportsAnswer(question, r, stats));
  return counts ? countingFirst(found, question).slice(0, PASSAGES) : found;
}

/** The section of the knowledge headed by the visitor's question in other words, as a passage; null when none is. */
async function sectionAsked(ports: TurnPorts, assistant: Assistant, question: string, lang: Lang, assess: Assess): Promise<SearchResult | null> {
  const { knowledge, questions } = await ports.questions();
  const asked = questionPrint(question, lang);
  const candidates = mayMatch(questions.get(lang) ?? [], asked).filter((candidate) => inScope(assistant, candidate.docId));
  if (candidates.length === 0 || asked.terms.length === 0) return null;
  // The search's chunk counts for the question are read in the same statement: one round trip to a libSQL server.
  const words = [...wordsOf([asked, ...candidates.map((candidate) => candidate.print)]), ...statPrefixes(assess(question))];
  const weigh = weigher(await ports.termStats(words, lang, scopeOf(assistant)));
  const found = sameQuestion(candidates, asked, weigh);
  const row = found && knowledge.rows.get(found.rowId);
  return row ? { ...resultOf(row, 1, null), headedByQuestion: true } : null;
}

/** The section asked for first, then the search's passages of other documents. */
const sectionFirst = (section: SearchResult | null, passages: SearchResult[]) => (section ? [section, ...passages.filter((passage) => passage.docId !== section.docId)].slice(0, PASSAGES) : passages);

// Pillar names are the same in every language; every project starts with an assessment.
const FIRST_PILLAR = 'Assess & Accelerate';

/** The service pillars a query finds in the user's language, best first. */
async function pillarsMatching(ports: TurnPorts, query: string, lang: Lang, shown: number): Promise<SearchResult[]> {
  const results = await searchInScope({ db: ports.db, knowledge: ports.knowledge, embeddings: await ports.embeddings() }, { query, lang, k: PILLAR_CANDIDATES }, 'public');
  return results.filter((r) => r.lang === lang && PILLAR.test(r.docId)).slice(0, shown);
}

/** The assessment, where every project starts. */
const firstPillar = (ports: TurnPorts, lang: Lang) => pillarsMatching(ports, FIRST_PILLAR, lang, 1);

/**
 * The service pillars that fit a project described in the visitor's words, best first; an organisation's project the
 * knowledge has no words for ("for a bakery") starts where every project does, with the assessment.
 */
async function pillarsFor(ports: TurnPorts, question: string, lang: Lang, organisation: boolean): Promise<SearchResult[]> {
  const fitting = await pillarsMatching(ports, question, lang, PILLARS_SHOWN);
  return fitting.length || !organisation ? fitting : firstPillar(ports, lang);
}

/**
 * The queries a turn searches, in order. A follow-up ("and who runs it?") lacks its topic: the previous question
 * brings it back. One that points back is searched with it first; any other message only when it finds nothing alone.
 */
function searchOrder({ question: message, lang, previousQuestion }: Pick<PlanInput, 'question' | 'lang' | 'previousQuestion'>): string[] {
  const question = withoutOpening(message, lang);
  const followUp = previousQuestion ? `${withoutOpening(previousQuestion, lang)} ${question}` : null;
  const order = followUp === null ? [question] : leansOnPrevious(question, lang) ? [followUp, question] : [question, followUp];
  // "Moien, ech hunn e klengen Online-Buttek. Wat fir Servicer bitt dir un?": the question alone, when the whole
  // message found nothing. Not first: an introduction can hold what is asked about ("I'm a student at DHBW. …").
  const asked = withoutIntroduction(question, lang);
  return asked === question ? order : [...order, asked];
}

/**
 * Whether the query a turn searches first holds the previous question (searchOrder): only for a message that leans
 * on it. Any other message's first query is its own text, known before the conversation's messages are read.
 */
export const searchesPreviousFirst = (message: string, lang: Lang): boolean => leansOnPrevious(withoutOpening(message, lang), lang);

/**
 * A message that does not point back ("do you have a parking?") and found nothing alone is searched with the
 * previous question too, which finds the previous topic's passages again: only those that hold a word of the message
 * itself answer it. Without this, a question the knowledge cannot answer got the previous answer again. One that may
 * point back ("qui l'a rédigée ?") keeps them all.
 */
const answersMessage = (question: string, lang: Lang, query: string) => {
  if (query === question) return () => true;
  const own = assessQuestion(question, lang);
  return (passage: SearchResult) => holdsQuestionWord(own, passage);
};

/**
 * Starts the vector of the query a turn searches first (the turn's later request for it gets the same one, see
 * query-vectors.ts), so that the embedding travels while the question is stored and the turn decides: an Ollama
 * host across the network takes milliseconds to answer. A failure here shows again, handled, in the search. Turns that
 * will not search (another language, a person holds the conversation) ask nothing.
 */
export async function startQueryVector(ports: TurnPorts, turn: Pick<PlanInput, 'question' | 'lang' | 'foreign' | 'previousQuestion'> & { awaitingStaff: boolean }): Promise<void> {
  if (turn.foreign || turn.awaitingStaff) return;
  const embeddings = await ports.embeddings();
  if (!embeddings) return;
  embeddings.embedQuery(searchOrder(turn)[0]!).catch(() => undefined);
  // The request leaves on the next turn of the event loop; what follows (a write, the checks of the plan) runs
  // synchronously on a local file.
  await afterThisTurn();
}

/** The reply to a request to be contacted: the form reaches an advisor at Luxinnovation, and the reply says so itself. */
const contactReply = (t: (key: string) => string, support: SupportIntent): Plan => ({
  kind: 'reply',
  text: t('chat:contact.form'),
  leadForm: { topics: support.topics.length ? support.topics : ['contact'], announce: false },
});

function privacyReply(t: (key: string, options?: Record<string, unknown>) => string, { assistant, lang, baseUrl }: Pick<PlanInput, 'assistant' | 'lang' | 'baseUrl'>): string {
  const url = new URL(`/${lang}/privacy`, baseUrl).href;
  return assistant === 'education' ? t('chat:privacy.education', { hours: RETENTION_MS.education / HOUR_MS, url }) : t('chat:privacy.public', { days: RETENTION_MS.public / DAY_MS, url });
}

export async function planTurn(ports: TurnPorts, input: PlanInput): Promise<Plan> {
  const t = ports.i18n.forLang(input.lang);
  const { lang } = input;
  // "Hello, what is …?" is asked as "what is …?"; a message that is only small talk stays whole for its reply.
  const question = withoutOpening(input.question, lang);
  // "Ich bin IT-Berater. Welche Partner …?": the question alone is matched against the knowledge's questions and
  // searched last (searchOrder); the whole message, introduction included, counts for the intents and is searched first.
  const asked = withoutIntroduction(question, lang);
  if (input.foreign) return { kind: 'reply', text: t('chat:language.unsupported'), leadForm: null };
  const queries = searchOrder(input);
  const teachers = input.assistant === 'education';
  // Grading, ranking or profiling a pupil is not the teachers' assistant's to do: the reply names the rule.
  const assessment = teachers ? detectPupilAssessment(question, lang) : null;
  if (assessment) return { kind: 'reply', text: t(`chat:edu.refusal.${assessment.kind}`), leadForm: null };
  // The teachers' assistant never captures leads.
  const support = teachers ? NO_SUPPORT : detectSupportIntent(question, lang);
  // "Can someone contact us about our AI project?" is a project for Luxinnovation (the lead form), not a chat with staff.
  const project = support.intent && support.topics.some((topic) => topic !== 'contact' && topic !== 'support');
  // An appointment or a call back ("un rendez-vous avec un expert") is for Luxinnovation's advisors, through the lead
  // form; asking to talk to a person now is for our staff. The teachers' assistant captures no leads.
  if (isPersonRequest(question, lang) && !project) return !teachers && asksForAppointment(question, lang) ? contactReply(t, support) : { kind: 'escalate' };
  // What happens to the visitor's own data is the privacy notice's to say, in its own figures.
  if (asksAboutPrivacy(question, lang)) return { kind: 'reply', text: privacyReply(t, input), leadForm: null };
  const small = detectSmallTalk(question, lang);
  if (small) return { kind: 'reply', text: t(`${teachers ? 'chat:edu.smalltalk' : 'chat:smalltalk'}.${small.kind}`), leadForm: null };
  // "I'm a teacher at a lycée", and nothing asked yet: a greeting that says what the assistant can help with.
  if (introducesVisitor(question, lang) && !support.intent) return { kind: 'reply', text: t(`${teachers ? 'chat:edu.smalltalk' : 'chat:smalltalk'}.greeting`), leadForm: null };
  // Approved answers are the public assistant's: a close match wins over retrieval and the model.
  const approved = teachers ? null : await ports.approved.match(question, lang);
  if (approved) return { kind: 'approved', match: approved };

  // An organisation asking where to start with AI ("where do I start with AI in my company?") names no topic of the
  // knowledge: when nothing answers it, the pillars that fit do, with the lead form. On this site an organisation
  // that asks where to begin ("we are a logistics company, where do we start?") means with AI, said or not.
  const aboutAi = mentionsAi(question, lang) || (support.organisation && support.starting);
  const adoption = !teachers && aboutAi && (support.request || support.topics.length > 0) && assessQuestion(question, lang).names.size === 0;
  const leadForm = support.intent || adoption ? { topics: support.topics.length ? support.topics : ['project'], announce: true } : null;
  // "Where do I start?" and nothing else: the first step, not passages that happen to say "start-up".
  // "I run a small hotel. How do I start an AI project?" asks where to begin and nothing else.
  if (!teachers && (asked === question ? support : detectSupportIntent(asked, lang)).startingOnly) {
    const first = await firstPillar(ports, lang);
    if (first.length) return { kind: 'answer', passages: first, query: FIRST_PILLAR, framing: 'pillars', leadForm: { topics: support.topics.length ? support.topics : ['project'], announce: true } };
  }
  const cost = !teachers && asksAboutCost(question, lang, input.previousQuestion);
  const leaning = mayLeanOnPrevious(asked, lang);
  const assessed = new Map<string, AssessedQuestion>();
  const assess: Assess = (query) => assessed.get(query) ?? assessed.set(query, assessQuestion(query, lang)).get(query)!;
  // "What do you offer to small businesses?" is the catalogue's question, said for a kind of visitor; it names nothing
  // more specific, so a section headed by a narrower question ("Can the AI Factory help with funding?") is not it.
  const offered = asksWhatIsOffered(asked, lang);
  const section = offered ? await sectionAsked(ports, input.assistant, CATALOGUE_QUESTION[lang], lang, assess) : await sectionAsked(ports, input.assistant, asked, lang, assess);
  // The section answers the visitor's own message, never the previous question joined to it; with the introduction
  // only when the whole message still asks for the catalogue ("we are a small bakery, can you help us?"): an
  // introduction can name what is asked about ("I'm a student at DHBW. What could you offer me?").
  const sectionFor = (query: string) => (query === asked || (query === question && (!offered || asksWhatIsOffered(question, lang))) ? section : null);
  for (const query of queries) {
    const found = await supported(ports, input.assistant, query, lang, assess);
    const passages = sectionFirst(sectionFor(query), leaning ? found : found.filter(answersMessage(asked, lang, query)));
    if (!passages.length) continue;
    // A price is answered only by passages that speak of prices: the others are about the service, not its cost.
    if (cost && !passages.some((passage) => speaksOfCost(passage.text, lang))) break;
    return { kind: 'answer', passages, query, framing: 'offline', leadForm };
  }
  // No price in the knowledge: an advisor can say what applies, and the lead form reaches one.
  if (cost) return { kind: 'reply', text: t('chat:cost.unknown'), leadForm: { topics: support.topics.length ? support.topics : ['contact'], announce: true } };

  // A project described in general terms gets the pillars that fit it, not a refusal.
  if (support.intent || adoption) {
    const pillars = await pillarsFor(ports, question, lang, support.organisation);
    if (pillars.length) return { kind: 'answer', passages: pillars, query: question, framing: 'pillars', leadForm };
  }
  // Asked to be contacted ("please call me back"): nothing to look up, and the form reaches an advisor.
  if (leadForm && support.topics.includes('contact')) return contactReply(t, support);
  return { kind: 'reply', text: composeRefusal(t, teachers), leadForm };
}
