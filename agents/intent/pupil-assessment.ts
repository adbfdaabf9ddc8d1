// Pupil assessment: a teacher asks the assistant to grade, rank, place, profile or read the emotions of an identifiable pupil, which it declines (AI Act, GDPR).
import { LANGS, type Lang } from '../language/languages.ts';
import { gap, oneOf, wordPattern, wordText } from './words.ts';

/**
 * In priority order: a message asking for several is answered for the gravest (emotion recognition is prohibited; a
 * placement decides a track, a class or a repeated year, which a grade or a ranking only feeds).
 */
export const PUPIL_ASSESSMENT_KINDS = ['emotion', 'profile', 'placement', 'rank', 'grade'] as const;
export type PupilAssessmentKind = (typeof PUPIL_ASSESSMENT_KINDS)[number];
export type PupilAssessment = { kind: PupilAssessmentKind };

type Lexicon = Record<PupilAssessmentKind, string[]> & {
  /** Openings that make a sentence a question about practice, the law or AI ("how do I…", "can AI…"), not a request. */
  aside: string[];
  /** Words that may come before an aside ("so", "hi"). */
  filler: string[];
};

// Redaction runs first: a pupil's name reaches us as "[name]", read as the word "name" (and "[name]'s" as "name s").
const NAME = 'name(?: [0-9]+)?';
// A gap of up to `max` words that does not cross into another clause's verb ("… are hard to grade" is not a request).
const clauseGap = (max: number, verbs: string) => `(?:(?!(?:${verbs}) )[^ ]+ ){0,${max}}`;

// ---- English -------------------------------------------------------------------------------------------------------
// Every target needs a pupil one can point at: a name, "my pupils", "this essay", "[name]'s work". "Grade essays"
// and "a group presentation" name nobody, and a tool being designed ("a quiz to assess…") assesses nobody yet.
const EN_PUPIL = oneOf('pupils?', 'students?', 'learners?', 'kids?', 'child', 'children', 'class', 'classes', 'boys?', 'girls?', 'teenagers?', 'son', 'daughter', 'schoolchildren', 'trainees?', 'year [0-9]+s?', 'group');
const EN_MINE = oneOf('my', 'our', 'this', 'that', 'these', 'those', 'each', 'every', 'all my', 'all our', 'all of my', 'all of our', 'one of my', 'one of our', 'some of my', 'the following');
// "my pupil [name]" is one pupil: the name may follow the noun.
const EN_WHO = oneOf(NAME, `${EN_MINE} ${gap(1)}${EN_PUPIL}(?: ${NAME})?`, `${EN_PUPIL} ${NAME}`);
const EN_SCHOOLWORK = oneOf('essays?', 'homeworks?', 'assignments?', 'compositions?', 'exam papers?', 'test papers?', 'tests?', 'exams?', 'mock exams?', 'answer sheets?', 'scripts?', 'coursework', 'submissions?', 'dictations?', 'book reports?', 'lab reports?', 'worksheets?', 'dissertations?', 'quiz answers');
const EN_WORK = oneOf(EN_SCHOOLWORK, 'papers?', 'answers?', 'work', 'texts?', 'projects?', 'presentations?', 'reports?', 'drawings?', 'writing', 'poems?', 'stories', 'story', 'paragraphs?', 'letters?', 'summary', 'summaries', 'speech', 'speeches', 'performance', 'results?', 'levels?', 'progress', 'skills?', 'knowledge', 'understanding', 'reading', 'handwriting', 'portfolios?');
// "My pupil's essay" and "my pupils' essays" both read "my pupils essay(s)"; "Max's" reads "maxs".
const EN_OWNER = oneOf(`${NAME} s`, 'his', 'her', 'their', `${EN_MINE} ${gap(1)}${EN_PUPIL}`, `(?:a|the|one|each|every) ${EN_PUPIL}`, `${EN_PUPIL} ${NAME} s`);
const EN_THE = oneOf('the', 'this', 'these', 'those', 'that', 'the following', 'the attached', 'the pasted', 'the enclosed', 'each', 'every', 'all the', 'all these', 'all of the', 'my', 'our', 'all my', 'all our');
const EN_TARGET = oneOf(EN_WHO, `${EN_OWNER} (?!own )${gap(1)}${EN_WORK}`, `${EN_THE} ${gap(1)}${EN_SCHOOLWORK}`, `(?:(?:the|this|these|those|that|a|an) )?${gap(1)}${EN_WORK} (?:of|by|from|written by|submitted by|handed in by) ${EN_WHO}`);
const EN_TOOL = oneOf('rubric', 'rubrics', 'criteria', 'quiz', 'quizzes', 'tests?', 'questions?', 'exercises?', 'activity', 'activities', 'worksheets?', 'tools?', 'checklists?', 'scales?', 'methods?', 'tips', 'ideas', 'ways?', 'strategies', 'grids?', 'templates?', 'forms?', 'surveys?', 'questionnaires?', 'games?', 'prompts?');
// The teacher describing her own work ("I grade my pupils weekly") or a tool being made asks the assistant nothing.
const EN_ASK = `(?<! (?:i|we|they|he|she|teachers|who) (?:[^ ]+ ){0,2})(?<! (?:help|teach|let|get|ask|encourage|show|train) (?:(?:my|our|the) )?${EN_PUPIL} (?:to |how to )?)(?<! ${EN_TOOL} ${gap(3)}(?:to|for|that|which) )`;
const EN_GRADE = oneOf('grade', 'grading', 'mark', 'marking', 'score', 'scoring', 'assess', 'assessing', 'evaluate', 'evaluating', 'rate', 'rating', 'appraise', 'correct and grade', 'correct and mark');
const EN_SCORE = oneOf('grades?', 'marks?', 'scores?', 'notes?', 'ratings?', 'points', 'level', 'band', 'percentage');
const EN_SCALE = oneOf('out of [0-9]+', 'on a scale (?:of|from) [0-9]+ to [0-9]+', 'from [0-9]+ to [0-9]+', 'between [0-9]+ and [0-9]+');
const EN_LEVEL = oneOf('weak', 'strong', 'good', 'bad', 'poor', 'gifted', 'talented', 'bright', 'clever', 'smart', 'slow', 'lazy', 'intelligent', 'stupid', 'dumb', 'behind', 'ahead', 'average', 'below average', 'above average', 'failing', 'struggling', 'able', 'capable', 'advanced');
const EN_SUPER = oneOf('weakest', 'strongest', 'smartest', 'brightest', 'cleverest', 'slowest', 'fastest', 'quickest', 'laziest', 'dumbest', 'poorest', 'highest', 'lowest', 'best', 'worst', 'top', 'bottom', 'weaker', 'stronger', 'better', 'worse', 'smarter', 'most (?:able|capable|gifted|talented|intelligent|advanced|likely|at risk|promising|hardworking|hard working)', 'least (?:able|capable|gifted|talented|intelligent|advanced|motivated|likely)', 'struggling', 'failing', 'falling behind', 'behind', 'will fail', 'going to fail');
const EN_CRITERION = oneOf('ability', 'abilities', 'levels?', 'grades?', 'marks?', 'scores?', 'results?', 'performance', 'achievement', 'attainment', 'intelligence', 'iq', 'skills?', 'strengths?', 'weakness', 'weaknesses', 'talent', 'potential', 'competence', 'progress', 'effort', 'merit', 'how (?:good|well|clever|smart)');
const EN_PERSON = oneOf(`${NAME} s`, `${EN_MINE} ${gap(1)}${EN_PUPIL}`, `(?:a|the|one) ${EN_PUPIL}`, `${EN_PUPIL} ${NAME} s`);
const EN_TRAIT = oneOf('personality', 'character', 'psychology', 'psyche', 'mental health', 'mental state', 'temperament', 'behaviou?r', 'family background', 'home life', 'family situation', 'iq', 'intelligence', 'sexual orientation', 'religion', 'political views', 'health');
const EN_PROFILE = oneOf('psychological', 'psych', 'personality', 'behaviou?ral', 'psychometric', 'mental health', 'emotional', 'cognitive', 'learner', 'learning', 'character', 'risk', 'clinical', 'full', 'detailed', 'complete');
const EN_CONDITION = oneOf('adhd', 'add', 'autism', 'asperger[^ ]*', 'dyslexia', 'dyscalculia', 'dyspraxia', 'dysgraphia', 'giftedness', 'high potential', 'a learning (?:disability|difficulty|disorder)', 'learning (?:disabilities|difficulties)', 'an? (?:mental|personality|eating|behaviou?ral|anxiety|attention) (?:illness|disorder|problem)', 'depression', 'ocd', 'asd', 'special (?:educational )?needs', 'a disorder', 'a disability', 'mental health (?:issues|problems)');
// Said of a pupil, a diagnosis ("is she dyslexic?"); "gifted in maths" judges a subject, which grade reads.
const EN_DIAGNOSIS = oneOf('autistic', 'dyslexic', 'dyspraxic', 'dyscalculic', 'dysgraphic', 'bipolar', 'adhd', 'on the spectrum', 'mentally ill', 'neurodivergent', 'neurodiverse', 'hyperactive', '(?:a )?(?:highly |intellectually |academically )?gifted(?! (?:at|in|for) )(?: child| pupil| student| learner| kid)?', 'twice exceptional', 'gay', 'lesbian', 'trans');
// "Tell me whether…", "decide if…": asking for the verdict; "what should I do if my pupil has dyslexia?" does not.
const EN_WHETHER = oneOf('whether', '(?:tell me|say|decide|work out|figure out|find out|determine|guess|check|assess|judge|evaluate|see|know|predict) if', '(?:do you think|would you say|do you believe)(?: that)?');
// A rung of the school's ladder: a track, a stream, a set, a class above or below, a school type (Annex III 3(a)-(c)).
const EN_PLACE = oneOf('tracks?', 'streams?', 'pathways?', 'orientation', 'classique', 'general (?:track|stream|secondary|education)', 'esc', 'esg', 'grammar school', 'special (?:school|class|education|needs school)', 'voie de preparation', `(?:advanced|accelerated|remedial|gifted|bilingual|international|top|bottom|higher|lower|middle|foundation|preparatory) ${oneOf('sets?', 'class', 'classes', 'groups?', 'courses?', 'levels?', 'tracks?', 'streams?', 'programmes?', 'programs?', 'sections?', 'schools?')}`, '(?:next|higher|lower|previous) (?:year|grade|class|level)');
// "Repeat" alone ends the sentence: "should my pupils repeat the exercise?" repeats no year.
const EN_MOVE = oneOf('repeat (?:the |a |this |another )?(?:school )?(?:year|grade|class)', 'repeat(?= $)', 'stay down', 'be held back', 'be kept back', 'skip a (?:year|grade|class)', 'move up a (?:year|grade|level|set)', 'go up a (?:year|grade|set)', 'be promoted', 'pass to the next (?:year|grade|class)', 'be placed in', 'be streamed', 'be oriented', 'be admitted', 'be accepted', `(?:go|move|move up|be moved|switch|transfer|be sent|change|get|be put|be placed) (?:to|into|in|up to|down to) (?:the |a |an )?${gap(1)}${EN_PLACE}`, `(?:join|attend|take|follow|do|enter|stay in) (?:the |a |an )?${gap(1)}${EN_PLACE}`);
const EN_FEELING = oneOf('emotions?', 'emotional (?:state|states|wellbeing|well being|reactions?|health)', 'feelings?', 'moods?', 'mental state', 'state of mind', 'facial expressions?', 'stress(?: levels?)?', 'anxiety(?: levels?)?', 'boredom', 'engagement', 'attention(?: levels?)?', 'frustration', 'happiness', 'sadness', 'anger', 'sentiment', 'wellbeing', 'well being', 'affect');
const EN_READ = oneOf('analy[sz]e', 'analy[sz]ing', 'detect', 'detecting', 'recogni[sz]e', 'recogni[sz]ing', 'read', 'reading', 'identify', 'track', 'tracking', 'monitor', 'monitoring', 'measure', 'infer', 'assess', 'evaluate', 'determine', 'guess', 'judge', 'gauge', 'interpret', 'scan', 'classify', 'estimate', 'tell me', 'describe', 'check', 'work out', 'figure out', 'spot', 'predict', 'score', 'rate');
const EN_MEDIA = oneOf('videos?', 'webcams?', 'cameras?', 'footage', 'recordings?', 'photos?', 'pictures?', 'images?', 'faces?', 'voices?', '(?:zoom|teams|video) calls?', 'livestream', 'cctv', 'selfies?');
const EN_IN_MEDIA = oneOf(`(?:this|these|that|those|my|our|his|her|their|${NAME} s) ${gap(1)}${EN_MEDIA}`, `the ${gap(1)}(?:videos?|webcams?|cameras?|footage|recordings?|cctv)`);
const EN_MOOD = oneOf('depressed', 'depressive', 'anxious', 'sad', 'unhappy', 'happy', 'angry', 'upset', 'stressed(?: out)?', 'lonely', 'bored', 'suicidal', 'traumati[sz]ed', 'scared', 'afraid', 'frightened', 'frustrated', 'jealous', 'in love', 'nervous', 'worried', 'distressed', 'miserable', 'hurt', 'ashamed', 'embarrassed', 'motivated', 'demotivated', 'unmotivated', 'bullied', 'being bullied', 'troubled', 'grieving', 'self harming', 'emotionally unstable');
const EN_SEEM = '(?:really |actually |secretly )?(?:seem |seems |look |looks |appear |appears |feel |feels |sound |sounds |come across as )?(?:to be )?(?:really |very |a bit |so |quite |too )?';

const EN: Lexicon = {
  grade: [
    `${EN_ASK}${EN_GRADE} (?:for me |please )?${EN_TARGET}`,
    `${EN_ASK}(?:grade|mark|score|grading|marking|scoring) (?:for me |please )?[^ ]+s ${gap(1)}${EN_WORK}`,
    `${EN_ASK}(?:give|assign|award|put|suggest|propose) ${EN_TARGET} (?:a |an |the )?${gap(1)}${EN_SCORE}`,
    `(?:give|assign|award|put|suggest|propose|what|which) (?:a |an |the )?${gap(1)}${EN_SCORE} ${gap(5)}(?:to|for|on) ${EN_TARGET}`,
    `(?:what|which) ${EN_SCORE} ${gap(4)}(?:give|assign|put|award) ${EN_TARGET}`,
    `(?:what|which) ${EN_SCORE} (?:does|do|would|should|will|did|could) ${EN_TARGET} ${gap(1)}(?:deserve|get|earn|merit|receive)`,
    `${EN_SCORE} ${EN_SCALE} ${gap(2)}(?:for|to|on|of) ${EN_TARGET}`,
    `(?<=^ )(?:please )?(?:can you |could you |would you )?${EN_GRADE} (?:this|these|it|them|him|her|the following|the text below|the text above)(?: for me| please| ${EN_SCALE})*(?= $)`,
    `(?:is|are) ${EN_WHO} (?:a |an )?(?:really |very |quite |too )?${EN_LEVEL}(?: ${EN_PUPIL}| learners?| readers?| writers?| at [^ ]+| in [^ ]+| for (?:his|her|their) age)?(?= $)`,
    `what (?:level|grade|year level) is ${EN_WHO}`,
  ],
  placement: [
    // "Should [name] …?" asks for the decision; "can my pupils take the advanced course online?" only for a need to.
    `(?:should|shall|must) ${oneOf(EN_WHO, 'he', 'she')} (?:(?:need|have|be allowed|be able|deserve|get) to )?${EN_MOVE}`,
    `(?:does|do|will|would|can|could) ${oneOf(EN_WHO, 'he', 'she')} (?:need|have|deserve|get) to ${EN_MOVE}`,
    `(?:which|who|what) (?:one )?(?:of|among|from|in) ${EN_WHO} ${gap(4)}${EN_MOVE}`,
    `${EN_WHETHER} ${oneOf(EN_WHO, 'he', 'she')} ${gap(3)}${EN_MOVE}`,
    `(?:is|are) ${EN_WHO} (?:ready|fit|suited|suitable|right|good enough|strong enough|mature enough) (?:for|to) ${gap(2)}(?:${EN_PLACE}|${EN_MOVE})`,
    `which (?:track|stream|set(?! of)|orientation|school type|pathway|section) ${gap(3)}${EN_WHO}`,
    `which (?:school|class|year|grade|level) (?:should|would|could|will|can|must) ${EN_WHO} ${gap(1)}(?:go|attend|join|move|be|enter|start)`,
    `${EN_ASK}(?:recommend|suggest|propose|choose|pick|decide on|determine|find|select|work out) (?:me )?(?:a |an |the )?(?:best |right |suitable |appropriate )?(?:tracks?|streams?|orientation|placement|pathway|school type|secondary school|level of education) (?:for|to) ${EN_WHO}`,
    `(?:orientation|placement|track|streaming|admission|transfer|promotion|retention) (?:recommendation|decision|advice|opinion|report)s? ${gap(2)}(?:for|on|about|of) ${EN_WHO}`,
    // "Should we admit [name] to …?" asks for the decision; "we admitted [name] to …" tells of it.
    `(?:${EN_ASK}|(?:should|shall|can|could|would|must|do) (?:we|i|the school) )(?:admit|accept|reject|refuse|enrol|enroll|place|put|move|send|transfer|orient|stream) ${EN_WHO} ${gap(1)}(?:to|into|in|for|on|up to|down to) ${gap(2)}${EN_PLACE}`,
    `(?:should|shall|can|could|would|must|do) (?:we|i|the school) (?:hold|keep) (?:back ${EN_WHO}|${EN_WHO} back)`,
  ],
  rank: [
    `${EN_ASK}(?:rank|ranking|rerank) ${EN_WHO}`,
    `${EN_ASK}(?:order|sort|list|classify|compare|group|stream|arrange|put|line up|tier|split|divide|organi[sz]e) ${EN_WHO} ${gap(4)}(?:by|according to|based on|on|in order of|in terms of|on the basis of) ${gap(2)}${EN_CRITERION}`,
    `${EN_ASK}(?:sort|split|divide|group|put|separate|stream|place) ${EN_WHO} into ${gap(3)}(?:${EN_LEVEL}|ability|levels?)`,
    `${EN_WHO} ${gap(4)}from (?:the )?(?:best|strongest|weakest|worst|highest|lowest|top|smartest|brightest|most able|least able) to (?:the )?(?:worst|weakest|strongest|best|lowest|highest|bottom|least able|most able)`,
    `(?:which|who|what) (?:one )?(?:of|among|in|from) ${EN_WHO} ${gap(4)}${EN_SUPER}`,
    `(?:who|which (?:pupil|student|child|kid|learner|one)) (?:is|are|was|were|has|have|will be|would be) (?:the )?${EN_SUPER} ${gap(3)}(?:in|of|among|from) ${EN_WHO}`,
    `(?:ranking|league table|leaderboard|ranked list|top [0-9]+|bottom [0-9]+|pecking order) (?:of|for|in|among) ${EN_WHO}`,
    `(?:list|name|show|tell me|give me|find|identify|pick|select|choose|who are|which are) (?:me )?(?:the )?(?:top|bottom|best|worst|weakest|strongest|brightest|smartest|slowest) (?:[0-9]+ )?(?:${EN_PUPIL} )?(?:in|of|among) ${EN_WHO}`,
  ],
  profile: [
    `${EN_PROFILE} profiles? (?:of|for|on|about) ${EN_WHO}`,
    `profiles? (?:of|on) ${EN_WHO}`,
    `${EN_PERSON} ${EN_PROFILE} profiles?`,
    `${EN_ASK}profil(?:e|ing) ${EN_WHO}`,
    `(?:describe|analy[sz]e|assess|evaluate|judge|tell me about|what is|whats|explain|determine|guess|estimate|work out|figure out|infer) ${oneOf(EN_PERSON, 'his', 'her', 'their')} ${EN_TRAIT}`,
    `(?:describe|analy[sz]e|assess|evaluate|judge|determine|guess|estimate|infer|explain) (?:the )?${EN_TRAIT} (?:of|behind) ${EN_WHO}`,
    `what (?:kind|sort|type) of (?:person|child|kid|character|personality|pupil|student|learner) is ${EN_WHO}`,
    `(?:does|do|could|might|can|may) ${EN_WHO} (?:have|suffer from|be on) ${gap(1)}${EN_CONDITION}`,
    `(?:does|do|did) ${EN_WHO} (?:show|have|display|present) (?:any |the )?(?:signs?|symptoms?|traits?|indications?) of ${gap(1)}${EN_CONDITION}`,
    `(?:(?:is|are) ${EN_WHO}|(?:could|might|may|can|would) ${EN_WHO} be) (?:really |possibly |perhaps |maybe )?${EN_DIAGNOSIS}`,
    `${EN_WHETHER} ${EN_WHO} (?:has|have|had|suffers from|is|might have|could have|may have|might be|could be|may be) ${gap(1)}(?:${EN_CONDITION}|${EN_DIAGNOSIS})`,
    `${EN_ASK}diagnos(?:e|ing) ${EN_WHO}`,
    `${EN_ASK}predict ${gap(2)}(?:${EN_PERSON}|(?:whether|if|how|which of) ${EN_WHO}|${EN_WHO})`,
  ],
  emotion: [
    `${EN_ASK}${EN_READ} ${gap(2)}${EN_FEELING} (?:of|in|on|among|from|shown by|displayed by|for) ${EN_WHO}`,
    `${EN_ASK}${EN_READ} ${oneOf(EN_PERSON, 'his', 'her', 'their')} ${gap(1)}${EN_FEELING}`,
    `${EN_ASK}${EN_READ} ${gap(2)}${EN_FEELING} ${gap(4)}(?:from|in|on|using|with|through|via|based on) ${EN_IN_MEDIA}`,
    `${EN_ASK}${EN_READ} (?:which|whether|if|when) (?:of )?(?:(?:the|my|our) )?(?:${EN_PUPIL}|${EN_WHO}) ${gap(2)}(?:is|are|get|gets|look|looks|seem|seems|feel|feels|was|were) (?:[^ ]+ )?${EN_MOOD}`,
    `(?:emotion|emotional|facial expression|mood|affect|sentiment|feeling) (?:recognition|detection|analysis|tracking|monitoring|reading|scanning|scanner|detector|ai) ${gap(4)}(?:${EN_WHO}|${EN_IN_MEDIA})`,
    `(?:is|are|does|do|did|was|were) ${oneOf(EN_WHO, 'he', 'she')} ${EN_SEEM}${EN_MOOD}`,
    // A name the redaction missed ("is Max depressed?") counts only with the pupil's work or image as its evidence.
    `(?:is|does|did|was) [^ ]+ ${EN_SEEM}${EN_MOOD} ${gap(4)}(?:his|her|their|this|these|that) ${gap(1)}(?:${EN_WORK}|${EN_MEDIA}|diary|journal|messages?|emails?|posts?|behaviou?r|words|face)`,
    `how (?:does|do|did|is|are|was) ${oneOf(EN_WHO, 'he', 'she')} (?:really )?feel(?:ing)?`,
    `what (?:is|are|was) ${oneOf(EN_WHO, 'he', 'she')} (?:really )?feeling`,
    `(?:what|which) (?:emotions?|feelings?|mood|emotional state) ${gap(3)}(?:${EN_PERSON}|${EN_WHO})`,
    `(?:reveal|reveals|show|shows|say|says|tell|tells|betray|betrays|suggest|suggests|indicate|indicates) ${gap(3)}about ${oneOf(EN_PERSON, 'his', 'her', 'their')} (?:${EN_FEELING}|mental health|state)`,
  ],
  aside: [
    'how (?:do|does|can|could|should|shall|might|may) (?:i|we|teachers?|one|a teacher|schools?|you|educators)',
    'how (?:would|will) (?:i|we|teachers?|one|a teacher)',
    'how to',
    '(?:the )?(?:best|fairest|right|good|recommended|easiest|quickest|most effective) (?:way|ways|practice|practices|approach|method|methods) (?:to|of|for)',
    'what (?:is|are) (?:the )?(?:best|fairest|good|recommended|right) (?:way|ways|practice|practices|approach|approaches|method|methods)',
    '(?:any )?(?:tips|advice|ideas|guidance|suggestions|strategies|resources) (?:on|for|about|to)',
    '(?:can|could|should|may|will|would|does|do|is|are|might) (?:an |the |a )?(?:[^ ]+ )?(?:ai|artificial intelligence|chatgpt|chat gpt|gpt|chatbots?|machines?|algorithms?|software|computers?|llms?|tools?|apps?|systems?|technology)',
    '(?:do you think|is it true that|i wonder (?:if|whether)) (?:an |the )?(?:[^ ]+ )?(?:ai|artificial intelligence|chatgpt|machines?|algorithms?|software|computers?|tools?)',
    `${gap(3)}(?:ai act|eu ai act|gdpr|law|laws|legislation|regulations?|legal|illegal|lawful|unlawful|allowed|permitted|prohibited|forbidden|banned|ethical|unethical|compliant)`,
    'should (?:i|we|teachers|schools) (?:use|let|trust|rely|allow)',
    '(?:is it|would it be) (?:ok|okay|fair|wise|safe|a good idea|appropriate|right)',
  ],
  filler: ['so', 'ok', 'okay', 'hi', 'hello', 'hey', 'and', 'but', 'please', 'quick question', 'question', 'also', 'well', 'thanks'],
};

// ---- French --------------------------------------------------------------------------------------------------------
// Lone elided letters (l, d, s…) vanish from the words, so patterns never spell them alone: "d’un élève" reads "un eleve".
const FR_PUPIL = oneOf('eleves?', 'etudiants?', 'etudiantes?', 'apprenants?', 'apprenantes?', 'enfants?', 'gamins?', 'gamines?', 'classes?', 'garcons?', 'filles?', 'lyceens?', 'lyceennes?', 'collegiens?', 'collegiennes?', 'ecoliers?', 'ecolieres?', 'fils', 'groupe');
const FR_MINE = oneOf('mon', 'ma', 'mes', 'notre', 'nos', 'ce', 'cet', 'cette', 'ces', 'chaque', 'tous mes', 'toutes mes', 'tous nos', 'un de mes', 'une de mes', 'chacun de mes', 'chacune de mes', 'certains de mes', 'certaines de mes');
const FR_WHO = oneOf(NAME, `${FR_MINE} ${gap(1)}${FR_PUPIL}(?: ${NAME})?`, `${FR_PUPIL} ${NAME}`);
const FR_SCHOOLWORK = oneOf('copies?', 'devoirs?', 'devoir maison', 'redactions?', 'dissertations?', 'compositions?', 'interros?', 'interrogations?', 'controles?', 'dictees?', 'examens?', 'epreuves?', 'exposes?', 'evaluations?', 'commentaires? de texte', 'travaux ecrits');
const FR_WORK = oneOf(FR_SCHOOLWORK, 'textes?', 'travail', 'travaux', 'reponses?', 'productions?', 'projets?', 'presentations?', 'dessins?', 'poemes?', 'histoires?', 'resumes?', 'rapports?', 'lettres?', 'oral', 'oraux', 'resultats?', 'performances?', 'ecrits?', 'niveau', 'niveaux', 'competences?', 'connaissances?', 'acquis', 'progres', 'lacunes?', 'essais?');
const FR_OWNER = oneOf('son', 'sa', 'ses', 'leur', 'leurs');
const FR_THE = oneOf('le', 'la', 'les', 'ce', 'cet', 'cette', 'ces', 'chaque', 'tous les', 'toutes les', 'mes', 'nos');
const FR_OF = `(?:(?:de|du|des|par) (?:${FR_WHO}|(?:un|une|le|la|les) ${FR_PUPIL})|(?:un|une) ${FR_PUPIL})`;
const FR_TARGET = oneOf(FR_WHO, `(?:${FR_THE} )?${FR_SCHOOLWORK}`, `${FR_OWNER} (?!propres? )${gap(1)}${FR_WORK}`, `(?:(?:${FR_THE}|un|une) )?${gap(1)}${FR_WORK} ${FR_OF}`, `(?:${FR_THE} )?${FR_SCHOOLWORK} (?:de|du) [^ ]+`);
const FR_TOOL = oneOf('grille', 'grilles', 'bareme', 'baremes', 'criteres?', 'rubrique', 'quiz', 'questionnaires?', 'tests?', 'exercices?', 'activites?', 'outils?', 'fiches?', 'methodes?', 'conseils', 'idees', 'astuces', 'moyens?', 'facons?', 'manieres?', 'jeux?', 'modeles?', 'questions');
const FR_ASK = `(?<! (?:je|nous|on|il|elle|ils|elles) (?:[^ ]+ ){0,2})(?<! (?:aide|aider|aidez|apprends|apprendre|laisse|laisser|demande|demander|montre|montrer) (?:(?:mes|nos|les) )?${FR_PUPIL} (?:(?:a|comment) )?)(?<! ${FR_TOOL} ${gap(3)}(?:pour|afin de|permettant de|qui permet de|a) )`;
const FR_GRADE = oneOf('note', 'notes', 'notez', 'noter', 'noterais', 'noterait', 'noteriez', 'evalue', 'evalues', 'evaluez', 'evaluer', 'evaluerais', 'evaluerait', 'evalueriez', 'cote', 'coter', 'cotez', 'corrige et note', 'corriger et noter', 'corrigez et notez', 'corrige et evalue');
const FR_GIVE = oneOf('donne', 'donner', 'donnez', 'donnerais', 'attribue', 'attribuer', 'attribuez', 'attribuerais', 'mets', 'mettre', 'mettez', 'mettrais', 'propose', 'proposer', 'proposez', 'suggere', 'suggerer');
const FR_SCORE = oneOf('note', 'notes', 'appreciation', 'mention', 'score', 'points');
const FR_SCALE = oneOf('sur [0-9]+', 'de [0-9]+ a [0-9]+', 'entre [0-9]+ et [0-9]+', 'sur une echelle de [0-9]+ a [0-9]+');
const FR_LEVEL = oneOf('faibles?', 'forts?', 'fortes?', 'bons?', 'bonnes?', 'mauvais', 'mauvaises?', 'doues?', 'douees?', 'intelligents?', 'intelligentes?', 'lents?', 'lentes?', 'paresseux', 'paresseuses?', 'en retard', 'en difficulte', 'en echec', 'nuls?', 'nulles?', 'brillants?', 'brillantes?', 'capables?', 'avances?', 'avancees?', 'rapides?');
const FR_SUPER = oneOf(`(?:le |la |les )?(?:plus|moins) ${FR_LEVEL}`, 'meilleur', 'meilleure', 'meilleurs', 'meilleures', 'pire', 'pires', 'en difficulte', 'en echec', 'va echouer', 'vont echouer', 'risquent? (?:de )?(?:echouer|redoubler|decrocher)', '(?:a|ont) le plus de difficultes');
const FR_CRITERION = oneOf('niveau', 'niveaux', 'notes?', 'resultats?', 'performances?', 'capacites?', 'competences?', 'merite', 'intelligence', 'forces?', 'faiblesses?', 'moyennes?', 'reussite', 'qi', 'talent', 'aptitudes?', 'potentiel', 'meilleur', 'meilleure', 'plus', 'moins', 'fort', 'faible');
const FR_TRAIT = oneOf('personnalite', 'caractere', 'psychologie', 'sante mentale', 'etat psychologique', 'profil psychologique', 'quotient intellectuel', 'qi', 'intelligence', 'comportement', 'situation familiale', 'milieu familial', 'vie privee', 'vie familiale', 'orientation sexuelle', 'religion', 'temperament');
const FR_TRAIT_VERB = oneOf('analyse', 'analyser', 'analysez', 'decris', 'decrire', 'decrivez', 'evalue', 'evaluer', 'evaluez', 'determine', 'determiner', 'devine', 'deviner', 'estime', 'estimer', 'diagnostique', 'diagnostiquer', 'dresse', 'dresser', 'etablis', 'etablir', 'fais', 'faire', 'cerne', 'cerner', 'explique', 'expliquer');
const FR_CONDITION = oneOf('tdah', 'tda', 'tdha', 'autis[^ ]*', 'dyslexi[^ ]*', 'dyscalculi[^ ]*', 'dyspraxi[^ ]*', 'dysorthographi[^ ]*', 'hyperacti[^ ]*', 'asperger', 'troubles?', 'handicap[^ ]*', 'bipolaire', 'haut potentiel', 'hpi', 'surdoue[^ ]*', 'precoce', 'depressi[^ ]*', 'une maladie mentale', 'toc', 'homosexuel[^ ]*');
// "Dis-moi si…", "penses-tu que…": asking for the verdict ("qu'" and "s'" are elided away).
const FR_TELL_IF = '(?:dire|dis|dites|determiner|determine|savoir|sais|penses|pensez|crois|croyez|deviner|devine|indiquer|indique|estimer|estime|juger|juge|evaluer|evalue|decide|decider|decidez)(?: moi| nous| tu| vous)?(?: si| que)?';
const FR_PLACE = oneOf('classique', 'general', 'enseignement (?:secondaire )?(?:classique|general)', 'esc', 'esg', 'filieres?', 'voies? (?:de preparation|generale|professionnelle|technologique|classique)', 'sections?', 'classe (?:superieure|inferieure|suivante|de niveau|excellence|speciale|bilingue|internationale|europeenne|preparatoire)', 'niveau superieur', 'annee suivante', 'groupe (?:de niveau|fort|faible|avance)', 'lycee (?:classique|general)', 'gymnase', 'preparatoire', 'enseignement specialise', 'cycle superieur');
// "Redoubler d'efforts" repeats no year.
const FR_MOVE = oneOf('redoubler(?! (?:de )?(?:efforts?|vigilance|attention|prudence|patience))', 'sauter une classe', 'etre admis[^ ]*', 'etre accepte[^ ]*', 'etre oriente[^ ]*', `(?:aller|passer|entrer|integrer|rejoindre|suivre|continuer|poursuivre|etre (?:mis|mise|place|placee)) (?:(?:en|dans|au|aux|a|vers) )?(?:(?:la|le|les|une|un) )?${gap(1)}${FR_PLACE}`);
const FR_MODAL = oneOf('doit', 'doivent', 'devrait', 'devraient', 'va', 'vont', 'peut', 'peuvent', 'pourrait', 'pourraient', 'merite', 'meritent', 'doive', 'puisse');
const FR_FEELING = oneOf('emotions?', 'etats? emotionnels?', 'sentiments?', 'ressentis?', 'humeurs?', 'etat esprit', 'expressions? faciales?', 'niveau de stress', 'stress', 'anxiete', 'ennui', 'attention', 'bien etre', 'etat psychologique', 'moral', 'tristesse', 'colere', 'joie');
const FR_READ = oneOf('analyse', 'analyser', 'analysez', 'analyses', 'detecte', 'detecter', 'detectez', 'reconnais', 'reconnait', 'reconnaitre', 'reconnaissez', 'identifie', 'identifier', 'identifiez', 'lis', 'lire', 'lisez', 'evalue', 'evaluer', 'evaluez', 'mesure', 'mesurer', 'mesurez', 'devine', 'deviner', 'devinez', 'deduis', 'deduire', 'deduisez', 'interprete', 'interpreter', 'interpretez', 'surveille', 'surveiller', 'surveillez', 'suis', 'suivre', 'determine', 'determiner', 'decris', 'decrire', 'dis moi', 'dites moi', 'estime', 'estimer', 'repere', 'reperer', 'reperez', 'cerne', 'cerner');
const FR_MEDIA = oneOf('videos?', 'webcams?', 'cameras?', 'enregistrements?', 'photos?', 'images?', 'visages?', 'voix', 'visio', 'visioconference', 'captations?', 'films?', 'selfies?');
const FR_IN_MEDIA = oneOf(`(?:cette|ce|cet|ces|ma|mon|mes|notre|nos|sa|son|ses|leur|leurs) ${gap(1)}${FR_MEDIA}`, `(?:la|le|les) ${gap(1)}(?:videos?|webcams?|cameras?|enregistrements?|visio|visioconference)`);
const FR_MOOD = oneOf('deprime', 'deprimee', 'deprimes', 'deprimees', 'depressi[^ ]*', 'triste', 'tristes', 'malheureu[^ ]*', 'heureux', 'heureuse', 'heureuses', 'anxieu[^ ]*', 'angoisse[^ ]*', 'stresse[^ ]*', 'en colere', 'fache[^ ]*', 'inquiet', 'inquiete', 'inquiets', 'seul', 'seule', 'seuls', 'seules', 'isole[^ ]*', 'suicidaire[^ ]*', 'traumatise[^ ]*', 'effraye[^ ]*', 'apeure[^ ]*', 'frustre[^ ]*', 'jaloux', 'jalouse', 'amoureu[^ ]*', 'nerveu[^ ]*', 'mal dans sa peau', 'ennui[^ ]*', 'ennuy[^ ]*', 'harcele[^ ]*', 'demotive[^ ]*', 'en detresse', 'perturbe[^ ]*');
const FR_INVERTED = '(?:est|semble|parait|a|sont|semblent|paraissent|etait|se sent|se sentent) (?:il|elle|ils|elles)';

const FR: Lexicon = {
  grade: [
    `${FR_ASK}${FR_GRADE}(?: moi)? ${FR_TARGET}`,
    `${FR_ASK}${FR_GIVE}(?: moi)? (?:une |la |quelle )?${FR_SCORE} ${gap(4)}(?:a |au |aux |pour |sur )?${FR_TARGET}`,
    `${FR_ASK}${FR_GIVE} (?:a |au |aux )${FR_TARGET} ${gap(1)}(?:une |la )?${FR_SCORE}`,
    `quelle ${FR_SCORE} ${gap(4)}${FR_TARGET}`,
    `${FR_SCORE} ${FR_SCALE} ${gap(2)}(?:(?:a|pour|de|sur) )?${FR_TARGET}`,
    `(?<=^ )${FR_GRADE} (?:ceci|cela|ca|ce texte|le texte suivant|le texte ci dessous)(?: svp| stp| ${FR_SCALE})*(?= $)`,
    `${FR_WHO} (?:est|serait) (?:il|elle) (?:un |une )?${gap(1)}${FR_LEVEL}`,
    `est ce (?:que )?${FR_WHO} (?:est|serait) (?:un |une )?${gap(1)}${FR_LEVEL}(?: ${FR_PUPIL}| en [^ ]+)?(?= $)`,
    `(?:quel|quelle) niveau ${gap(2)}${FR_WHO}`,
  ],
  placement: [
    // Asked ("[name] doit-il redoubler ?", "[name] doit redoubler ?"), not told ("[name] va redoubler, comment l'aider ?").
    `${FR_WHO} ${FR_MODAL} (?:(?:il|elle|ils|elles) ${FR_MOVE}|${FR_MOVE}(?= $))`,
    `est ce (?:que )?${FR_WHO} ${FR_MODAL} ${FR_MOVE}`,
    `(?<=^ )(?:doit|devrait|peut|va|merite) (?:il|elle) ${FR_MOVE}`,
    `(?:quel|quelle|lequel|laquelle|lesquels|lesquelles|qui) (?:de |parmi |entre )?${FR_WHO} ${gap(4)}${FR_MODAL} ${FR_MOVE}`,
    `${FR_TELL_IF} ${FR_WHO} ${gap(3)}${FR_MOVE}`,
    `(?:quel|quelle|quels|quelles) (?:orientation|filiere|filieres|voie|section|ecole|etablissement|lycee) ${gap(4)}${FR_WHO}`,
    `(?:avis|conseil|decision|proposition|recommandation)s? (?:de )?(?:orientation|passage|redoublement) ${gap(3)}(?:pour|de|du|sur) ${FR_WHO}`,
    `(?:recommande|recommander|recommandez|propose|proposer|proposez|conseille|conseiller|conseillez|choisis|choisir|choisissez|suggere|suggerer|suggerez|trouve|trouver|trouvez)(?: moi| nous)? (?:une |un |la |le )?(?:meilleure |bonne )?(?:orientation|filiere|voie|section|ecole) (?:pour|a) ${FR_WHO}`,
    `(?:admettre|admets|admettez|accepter|accepte|acceptez|refuser|refuse|refusez|inscrire|inscris|inscrivez|orienter|oriente|orientez|placer|place|placez|mettre|mets|mettez) ${FR_WHO} ${gap(1)}(?:en|dans|au|aux|a|vers) ${gap(2)}${FR_PLACE}`,
  ],
  rank: [
    // "Ma liste de classe : [name], …" names a class list: "classe" after "de" is the noun.
    `${FR_ASK}(?<! de )(?:classe|classer|classez|classerais|hierarchise|hierarchiser|hierarchisez)(?: moi| nous)? ${FR_WHO}`,
    `${FR_ASK}(?:range|ranger|rangez|ordonne|ordonner|ordonnez|trie|trier|triez|compare|comparer|comparez|regroupe|regrouper|regroupez|repartis|repartir|repartissez|organise|organiser|organisez)(?: moi| nous)? ${FR_WHO} ${gap(3)}(?:par|selon|en fonction de|en fonction du|en fonction des|suivant|apres|du|de la|des) ${gap(1)}${FR_CRITERION}`,
    `(?:quel|quelle|lequel|laquelle|lesquels|lesquelles|qui) (?:de |parmi |dans |entre )?${FR_WHO} ${gap(4)}${FR_SUPER}`,
    `(?:qui|quel eleve|quelle eleve|quel enfant) (?:est|sont|a|ont|etait|sera) (?:le |la |les )?${FR_SUPER} ${gap(2)}(?:de|dans|parmi|en) ${FR_WHO}`,
    `(?:classement|palmares|hierarchie|top [0-9]+|podium) (?:de |des |du )?${FR_WHO}`,
    `(?:quels sont|quelles sont|qui sont|donne moi|donnez moi|liste|listez|cite|citez|nomme|nommez|trouve|identifie|designe|choisis) (?:(?:les|le|la) )?(?:[0-9]+ )?(?:meilleurs?|meilleures?|plus faibles?|moins bons?) (?:${FR_PUPIL} )?(?:de|dans|parmi) ${FR_WHO}`,
  ],
  profile: [
    `profils? (?:(?!pour )[^ ]+ ){0,2}(?:de|du|des|sur) ${FR_WHO}`,
    `${FR_ASK}(?:profile|profiler|profilez)(?: moi)? ${FR_WHO}`,
    `${FR_ASK}${FR_TRAIT_VERB}(?: moi| nous)? ${gap(1)}${FR_TRAIT} (?:(?:de|du|des) )?${FR_WHO}`,
    `(?:quel|quelle) ${gap(1)}(?:personnalite|caractere|genre de personne|type de personne|sorte de personne) ${gap(3)}${FR_WHO}`,
    `${FR_WHO} (?:(?:a|aurait|souffre|souffrirait|est|serait) (?:il|elle)|(?:pourrait|peut) (?:il|elle) (?:etre|avoir|souffrir de)) ${gap(2)}${FR_CONDITION}`,
    `est ce (?:que )?${FR_WHO} (?:a|aurait|souffre|souffrirait|est|serait|(?:pourrait|peut) (?:etre|avoir|souffrir de)) ${gap(2)}${FR_CONDITION}`,
    `${FR_TELL_IF} ${FR_WHO} (?:a|aurait|souffre|souffrirait|est|serait|(?:pourrait|peut) (?:etre|avoir|souffrir de)) ${gap(2)}${FR_CONDITION}`,
    `${FR_ASK}(?:diagnostique|diagnostiquer|diagnostiquez) ${FR_WHO}`,
    `${FR_ASK}(?:predis|predire|predisez|prevois|prevoir)(?: moi)? ${gap(3)}(?:si |comment )?${FR_WHO}`,
  ],
  emotion: [
    `${FR_ASK}${FR_READ}(?: moi| nous)? ${gap(2)}${FR_FEELING} (?:de|du|des|chez|parmi|dans) (?:${FR_WHO}|(?:la|le|les) ${FR_PUPIL})`,
    `${FR_ASK}${FR_READ}(?: moi| nous)? ${gap(2)}${FR_FEELING} ${gap(5)}(?:a partir|sur|dans|via|grace|avec|depuis|par|en) (?:(?:de|du|des|a|au) )?${FR_IN_MEDIA}`,
    `${FR_ASK}${FR_READ}(?: moi| nous)? ${gap(5)}(?:quels?|quelles?|lesquels|lesquelles|si|quand) (?:${FR_WHO}|(?:les |des )?${FR_PUPIL}|de ${FR_WHO}) ${gap(2)}${FR_MOOD}`,
    `${FR_ASK}${FR_READ}(?: moi| nous)? (?:(?:les|des) )?(?:${FR_PUPIL}|${FR_WHO}) qui ${gap(2)}${FR_MOOD}`,
    `(?:reconnaissance|detection|analyse|suivi) (?:(?:des|de) )?(?:emotions?|expressions? faciales?|humeurs?|sentiments?) ${gap(4)}(?:${FR_WHO}|${FR_IN_MEDIA})`,
    `${FR_WHO} ${FR_INVERTED} ${gap(2)}${FR_MOOD}`,
    `est ce (?:que )?${FR_WHO} (?:est|semble|parait|a|se sent|sont|semblent|etait) ${gap(2)}${FR_MOOD}`,
    `(?<=^ )(?:est|semble|parait) (?:il|elle) ${gap(2)}${FR_MOOD}`,
    `[^ ]+ ${FR_INVERTED} ${gap(2)}${FR_MOOD} ${gap(5)}(?:sa|son|ses|leur|leurs|cette|ce|cet|ces) ${gap(1)}(?:${FR_WORK}|${FR_MEDIA}|journal|messages?|dessins?|comportement|ecriture)`,
    `comment (?:se sent|se sentent) (?:(?:il|elle) )?${FR_WHO}`,
    `comment ${FR_WHO} (?:se sent|se sentent)`,
    `(?:que|qu est ce que) ressent ${FR_WHO}`,
    `(?:quels?|quelles?) (?:emotions?|sentiments?|humeur|etat emotionnel) ${gap(4)}(?:${FR_WHO}|${FR_OWNER} ${gap(1)}${FR_WORK}|${FR_WORK} (?:(?:de|du) )?${FR_WHO})`,
    `(?:revele|revelent|montre|montrent|dit|disent|trahit|trahissent|indique|indiquent|suggere) ${gap(3)}(?:sur )?(?:(?:les|le|la) )?${FR_FEELING} (?:(?:de|du) )?${FR_WHO}`,
  ],
  aside: [
    'comment (?:(?:puis|dois|pourrais|devrais|peux|vais|pourrai|devrai)(?: je)?|faut il|doit on|peut on|fait on|faire pour|est ce que|je|on|nous|les enseignants|un enseignant|les profs|un prof|[^ ]+(?:er|ir|re))',
    '(?:quelle est|quelles sont) (?:(?:la|les) )?(?:meilleure|meilleures|bonne|bonnes) (?:facon|facons|maniere|manieres|methode|methodes|pratique|pratiques)',
    '(?:des )?(?:conseils|astuces|idees|pistes|recommandations) (?:pour|sur)',
    `${gap(3)}(?:ai act|reglement ia|reglement europeen|rgpd|loi|lois|legal|legale|illegal|illegale|autorise|autorisee|interdit|interdite|permis|permise|legitime|ethique|conforme|droit)`,
    '(?:est ce (?:que )?)?(?:(?:une|la|les) )?(?:[^ ]+ )?(?:ia|intelligence artificielle|chatgpt|machine|machines|algorithme|algorithmes|logiciel|logiciels|outil|outils|ordinateur|systeme|systemes|llm) (?:peut|peuvent|pourrait|pourraient|doit|devrait|sait|savent|est capable|sont capables|arrive)',
    `(?:peut|pourrait|doit|devrait) on ${gap(3)}(?:ia|intelligence artificielle|chatgpt|un logiciel|un outil|une machine|algorithme)`,
    '(?:penses tu|pensez vous|crois tu|croyez vous) (?:que )?(?:(?:une|la) )?(?:ia|intelligence artificielle|chatgpt|machine|machines|logiciel|algorithme)',
  ],
  filler: ['bonjour', 'salut', 'alors', 'et', 'mais', 'ok', 'bon', 'svp', 'stp', 'merci', 'question', 'petite question', 'dis moi', 'dites moi'],
};

// ---- German --------------------------------------------------------------------------------------------------------
// German puts the verb last in questions with a modal ("Kannst du den Aufsatz von [name] benoten?"), so targets may
// come first; a verb-first yes/no question ("Ist [name] depressiv?") is told from a statement by its place at the start.
const DE_PUPIL = oneOf('schuler', 'schulern', 'schulers', 'schulerin', 'schulerinnen', 'sus', 'kind', 'kinder', 'kindern', 'kindes', 'klasse', 'klassen', 'jungen', 'junge', 'madchen', 'lernende', 'lernenden', 'jugendliche', 'jugendlichen', 'sohn', 'tochter', 'student', 'studenten', 'studentin', 'studentinnen', 'azubi', 'azubis', 'lerngruppe', 'kurs');
const DE_MINE = oneOf('mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'unser', 'unsere', 'unseren', 'unserem', 'unserer', 'unseres', 'diese', 'diesen', 'diesem', 'dieser', 'dieses', 'jede', 'jeden', 'jedem', 'jeder', 'jedes', 'alle meine', 'allen meinen', 'einer meiner', 'einen meiner', 'eines meiner', 'einem meiner', 'eine meiner');
const DE_WHO = oneOf(NAME, `${DE_MINE} ${gap(1)}${DE_PUPIL}(?: ${NAME})?`, `(?:(?:der|die|den|dem|des|das) )?${DE_PUPIL} ${NAME}`);
const DE_SCHOOLWORK = oneOf('aufsatz', 'aufsatze', 'aufsatzes', 'aufsatzen', 'klassenarbeit', 'klassenarbeiten', 'klausur', 'klausuren', 'hausaufgabe', 'hausaufgaben', 'hausarbeit', 'hausarbeiten', 'schularbeit', 'schularbeiten', 'schulaufgabe', 'schulaufgaben', 'erorterung', 'erorterungen', 'diktat', 'diktate', 'referat', 'referate', 'facharbeit', 'lernkontrolle', 'lernkontrollen', 'test', 'tests', 'prufung', 'prufungen', 'probe', 'proben', 'arbeitsblatt', 'arbeitsblatter');
const DE_WORK = oneOf(DE_SCHOOLWORK, 'arbeit', 'arbeiten', 'text', 'texte', 'antwort', 'antworten', 'heft', 'hefte', 'zeichnung', 'zeichnungen', 'bild', 'bilder', 'gedicht', 'gedichte', 'geschichte', 'geschichten', 'prasentation', 'prasentationen', 'projekt', 'projekte', 'bericht', 'berichte', 'zusammenfassung', 'vortrag', 'vortrage', 'leistung', 'leistungen', 'ergebnis', 'ergebnisse', 'losung', 'losungen', 'brief', 'essay', 'essays', 'niveau', 'leistungsstand', 'lernstand', 'kenntnisse', 'kompetenzen', 'fortschritt', 'fortschritte', 'handschrift', 'aussprache');
const DE_THE = oneOf('der', 'die', 'das', 'den', 'dem', 'des', 'diese', 'diesen', 'diesem', 'dieser', 'dieses', 'folgende', 'folgenden', 'folgendem', 'folgender', 'beigefugte', 'beigefugten', 'angehangte', 'angehangten', 'alle', 'jede', 'jeden', 'jedes', 'meine', 'meinen', 'unsere', 'unseren');
const DE_OWNER = oneOf('sein', 'seine', 'seinen', 'seinem', 'seiner', 'seines', 'ihr', 'ihre', 'ihren', 'ihrem', 'ihrer', 'ihres', `${NAME} s`);
const DE_GEN = `(?:meiner|meines|unserer|unseres|dieser|dieses|seiner|seines|ihrer|ihres|der|des|eines|einer) ${gap(1)}${DE_PUPIL}`;
const DE_OF = `(?:von|vom) (?:${DE_WHO}|(?:der|dem|einem|einer) ${gap(1)}${DE_PUPIL})`;
const DE_TARGET = oneOf(DE_WHO, `${DE_THE} ${gap(1)}${DE_SCHOOLWORK}`, `${DE_OWNER} (?!eigene[nmrs]? )${gap(1)}${DE_WORK}`, `(?:${DE_THE} )?${gap(1)}${DE_WORK} (?:${DE_OF}|${DE_GEN})`, `(?:${DE_THE} )?${DE_SCHOOLWORK} (?:von|vom) [^ ]+`);
const DE_TOOL = oneOf('raster', 'bewertungsraster', 'kriterien', 'kriterienkatalog', 'quiz', 'test', 'tests', 'fragebogen', 'fragen', 'ubung', 'ubungen', 'aktivitat', 'aktivitaten', 'tool', 'tools', 'methode', 'methoden', 'tipps', 'ideen', 'checkliste', 'bogen', 'beobachtungsbogen', 'rubrik', 'vorlage', 'spiel', 'arbeitsblatt', 'moglichkeiten', 'wege');
const DE_ASK = `(?<! (?:ich|wir|er|man|lehrer|lehrerinnen|lehrkrafte) (?:[^ ]+ ){0,2})(?<! (?:lass|lasst|lassen|hilf|helft|helfen|bring|bringe|bringen) )(?<! ${DE_TOOL} ${gap(3)}(?:um|zum|zur|fur|mit dem|mit der|zu|damit|womit|mit denen) )`;
const DE_PLEASE = '(?: sie| du| ihr| mir| bitte| mal| doch| kurz| einmal)*';
const DE_GAP = clauseGap(5, 'ist|sind|war|waren|wird|werden|wurde|kann|konnen|lassen|lasst|sich');
const DE_GRADE = oneOf('bewerte', 'bewertet', 'bewerten', 'bewertest', 'benote', 'benotet', 'benoten', 'benotest', 'beurteile', 'beurteilt', 'beurteilen', 'beurteilst', 'evaluiere', 'evaluieren', 'bepunkte', 'bepunkten', 'korrigiere und bewerte', 'korrigiere und benote', 'korrigieren und benoten');
const DE_GRADE_LAST = oneOf('bewerten', 'benoten', 'beurteilen', 'einschatzen', 'einstufen', 'evaluieren', 'bepunkten', 'zu bewerten', 'zu benoten', 'zu beurteilen', 'bewertest', 'benotest', 'beurteilst', 'einschatzt', 'einstufst', 'korrigieren und benoten', 'korrigieren und bewerten');
const DE_SCORE = oneOf('note', 'noten', 'punktzahl', 'punkte', 'bewertung', 'zensur');
const DE_SCALE = oneOf('von [0-9]+ bis [0-9]+', 'zwischen [0-9]+ und [0-9]+', 'auf einer skala von [0-9]+ bis [0-9]+', 'aus [0-9]+', 'von [0-9]+', 'auf [0-9]+');
const DE_LEVEL = oneOf('schwach', 'schwacher', 'schwache', 'schwaches', 'stark', 'starker', 'starke', 'gut', 'guter', 'gute', 'schlecht', 'schlechter', 'schlechte', 'begabt', 'begabter', 'begabte', 'hochbegabt', 'intelligent', 'intelligenter', 'intelligente', 'faul', 'fauler', 'faule', 'dumm', 'dummer', 'dumme', 'lernschwach', 'lernschwacher', 'leistungsschwach', 'leistungsschwacher', 'leistungsstark', 'leistungsstarker', 'uberdurchschnittlich', 'unterdurchschnittlich', 'durchschnittlich', 'zuruck', 'hinterher', 'langsam', 'langsamer', 'langsame', 'klug', 'kluger', 'kluge');
const DE_SUPER = oneOf('am (?!ersten|nachsten|letzten)[^ ]+sten', '(?:der|die|das|den) (?!erste|nachste)[^ ]+ste', 'beste', 'besten', 'bester', 'bestes', 'besser', 'schlechter', 'schwacher', 'starker', 'durchfallen', 'versagen', 'scheitern', 'hinterher', 'zuruck', 'top [0-9]+', 'leistungsschwach[^ ]*', 'leistungsstark[^ ]*');
const DE_CRITERION = oneOf('leistung', 'leistungen', 'fahigkeit', 'fahigkeiten', 'niveau', 'leistungsniveau', 'leistungsstand', 'noten', 'note', 'begabung', 'intelligenz', 'kompetenz', 'kompetenzen', 'ergebnissen', 'ergebnisse', 'starke', 'starken', 'schwachen', 'konnen', 'lernstand', 'punkten', 'punkte', 'talent', 'iq');
const DE_TRAIT = oneOf('personlichkeit', 'charakter', 'psyche', 'psychische gesundheit', 'intelligenz', 'iq', 'familiare situation', 'familienverhaltnisse', 'verhalten', 'temperament', 'wesen', 'mentalitat', 'sexuelle orientierung', 'religion');
const DE_TRAIT_VERB = oneOf('analysiere', 'analysieren', 'beschreibe', 'beschreiben', 'beurteile', 'beurteilen', 'bewerte', 'bewerten', 'schatze', 'deute', 'deuten', 'diagnostiziere', 'charakterisiere', 'erstelle', 'ermittle', 'bestimme', 'erklare');
const DE_TRAIT_LAST = oneOf('analysieren', 'beschreiben', 'einschatzen', 'beurteilen', 'bewerten', 'deuten', 'diagnostizieren', 'charakterisieren', 'analysierst', 'beschreibst', 'einschatzt', 'beurteilst');
const DE_CONDITION = oneOf('adhs', 'ads', 'autismus', 'asperger', 'legasthenie', 'lrs', 'dyskalkulie', 'depressionen', 'depression', 'angststorung', 'essstorung', 'eine storung', 'storungen', 'eine behinderung', 'lernbehinderung', 'hochbegabung', 'zwangsstorung', 'eine psychische erkrankung', 'psychische probleme');
const DE_DIAGNOSIS = oneOf('autistisch', 'autist', 'autistin', 'legastheniker', 'legasthenikerin', 'hochbegabt', 'hyperaktiv', 'bipolar', 'psychisch krank', 'gestort', 'schwul', 'lesbisch');
// "Sag mir, ob…", "meinst du, dass…": asking for the verdict.
const DE_TELL_IF = `(?:entscheide|entscheiden|entscheidest|sag|sage|sagen|beurteile|beurteilen|einschatzen|schatze|prufe|prufen|bestimme|bestimmen|meinst|glaubst|denkst|findest|weisst)${DE_PLEASE} ${gap(1)}(?:ob|dass)`;
const DE_PLACE = oneOf('gymnasium', 'realschule', 'hauptschule', 'mittelschule', 'gesamtschule', 'sekundarschule', 'forderschule', 'sonderschule', 'classique', 'general', 'lycee classique', 'enseignement (?:secondaire )?(?:classique|general)', 'esc', 'esg', 'schulzweig', 'zweig', 'bildungsgang', 'leistungskurs', 'e kurs', 'g kurs', 'forderklasse', 'fordergruppe', 'begabtenklasse', '(?:nachste|nachsthohere|hohere|niedrigere) (?:klasse|stufe|jahrgangsstufe)', 'voie de preparation', 'preparatoire');
// "Wiederholen" needs the year it repeats, or nothing after the modal: "soll er den Stoff wiederholen?" keeps him in class.
const DE_MOVE = oneOf('sitzenbleiben', 'sitzen bleiben', 'sitzenbleibt', 'sitzen bleibt', '(?:klasse|jahr|schuljahr|stufe|jahrgangsstufe) wiederholen', '(?:soll|sollte|muss|wird) wiederholen(?= $)', 'eine klasse uberspringen', 'versetzt werden', 'versetzt wird', 'aufgenommen werden', 'zugelassen werden', `(?:aufs|auf das|auf die|auf den|ins|in das|in die|in den|ans|an das|an die|zum|zur) ${gap(1)}${DE_PLACE}`);
const DE_FEELING = oneOf('emotion', 'emotionen', 'gefuhl', 'gefuhle', 'gefuhlslage', 'gefuhlszustand', 'gemutszustand', 'gemutslage', 'stimmung', 'stimmungen', 'stimmungslage', 'emotionalen zustand', 'emotionale zustand', 'emotionale verfassung', 'emotionale lage', 'seelischen zustand', 'seelische verfassung', 'psychischen zustand', 'psychische verfassung', 'gesichtsausdruck', 'gesichtsausdrucke', 'mimik', 'stresslevel', 'stress', 'angste', 'aufmerksamkeit', 'langeweile', 'befinden', 'wohlbefinden', 'laune', 'launen');
const DE_READ = oneOf('analysiere', 'analysieren', 'analysiert', 'analysierst', 'erkenne', 'erkennen', 'erkennt', 'erkennst', 'lies', 'lese', 'deute', 'deuten', 'bestimme', 'bestimmen', 'bestimmst', 'ermittle', 'ermitteln', 'miss', 'messe', 'messen', 'uberwache', 'uberwachen', 'beobachte', 'beobachten', 'schatze', 'einschatzen', 'einschatzt', 'bewerte', 'bewerten', 'interpretiere', 'interpretieren', 'erfasse', 'erfassen', 'werte', 'auswerten', 'beschreibe', 'beschreiben', 'sag mir', 'sage mir', 'sagen sie mir', 'detektiere', 'identifiziere', 'identifizieren', 'tracke', 'tracken', 'verfolge', 'verfolgen');
const DE_MEDIA = oneOf('video', 'videos', 'webcam', 'kamera', 'kameras', 'aufnahme', 'aufnahmen', 'foto', 'fotos', 'bild', 'bildern', 'bilder', 'gesicht', 'gesichtern', 'gesichter', 'stimme', 'stimmen', 'videokonferenz', 'videoaufnahme', 'videoaufnahmen', 'kamerabild', 'selfie');
const DE_IN_MEDIA = oneOf(`(?:diesem|diesen|dieser|dieses|diese|meinem|meiner|meinen|unserem|unserer|unseren|seinem|seiner|seinen|ihrem|ihrer|ihren) ${gap(1)}${DE_MEDIA}`, `(?:dem|der|den|die|das|im|am|vom) ${gap(1)}(?:video|videos|webcam|kamera|kameras|aufnahme|aufnahmen|videoaufnahme|videoaufnahmen|videokonferenz)`);
const DE_MOOD = oneOf('depressiv', 'deprimiert', 'traurig', 'unglucklich', 'glucklich', 'angstlich', 'verangstigt', 'gestresst', 'wutend', 'sauer', 'aggressiv', 'einsam', 'gelangweilt', 'suizidal', 'suizidgefahrdet', 'selbstmordgefahrdet', 'traumatisiert', 'verunsichert', 'frustriert', 'eifersuchtig', 'verliebt', 'nervos', 'besorgt', 'verzweifelt', 'niedergeschlagen', 'bedruckt', 'uberfordert', 'gemobbt', 'unmotiviert', 'demotiviert', 'verschlossen', 'labil', 'lustlos', 'angespannt', 'verstort', 'emotional instabil', 'schlecht drauf');
const DE_WITH = '(?:von|vom|meiner|meines|unserer|unseres|der|des|bei|in|unter|dieser|dieses)';
const DE_START = '(?<=^ )(?:(?:und|also|aber|sag mal|sag) )?';

const DE: Lexicon = {
  grade: [
    `${DE_ASK}${DE_GRADE}${DE_PLEASE} ${DE_TARGET}`,
    `${DE_ASK}${DE_TARGET} ${DE_GAP}${DE_GRADE_LAST}`,
    `${DE_ASK}(?:gib|gibt|gebe|geben|vergib|vergeben|vergebe|erteile|erteilen)${DE_PLEASE} ${DE_TARGET} ${gap(2)}(?:eine |die )?${gap(1)}${DE_SCORE}`,
    `welche ${DE_SCORE} ${gap(5)}${DE_TARGET}`,
    `${DE_SCORE} ${DE_SCALE} ${gap(2)}(?:fur|zu|an) ${DE_TARGET}`,
    `(?<=^ )(?:bitte )?(?:bewerte|benote|beurteile|bewerten sie|benoten sie)(?: bitte)? (?:das|dies|folgendes|den folgenden text|diesen text|ihn|es)(?: bitte| mit einer note| ${DE_SCALE})*(?= $)`,
    `${DE_START}(?:ist|sind|war) ${DE_WHO} (?:ein |eine |einer )?(?:wirklich |sehr |eher )?${DE_LEVEL}(?: ${DE_PUPIL}| in [^ ]+| fur (?:sein|ihr) alter)?(?= $)`,
  ],
  placement: [
    `${DE_START}(?:soll|sollte|muss|musste|kann|konnte|darf|wird|wurde) ${oneOf(DE_WHO, 'er', 'sie')} (?:${gap(3)}${DE_MOVE}|wiederholen(?= $))`,
    `(?:welche|welcher|welches|welchen|wer) (?:(?:von|aus|unter) )?${DE_WHO} ${gap(4)}${DE_MOVE}`,
    `${DE_TELL_IF} ${DE_WHO} ${gap(4)}${DE_MOVE}`,
    `(?:gymnasialempfehlung|schulempfehlung|ubergangsempfehlung|ubertrittsempfehlung|laufbahnempfehlung|schullaufbahnempfehlung|orientierungsempfehlung|versetzungsempfehlung|versetzungsentscheidung|avis d orientation)[^ ]* ${gap(2)}(?:fur|von|vom|zu|uber) ${gap(1)}${DE_WHO}`,
    `(?:welche|welcher|welchen|welches) (?:schulform|schulzweig|schulart|schultyp|zweig|bildungsgang|orientierung|weiterfuhrende schule|sekundarschule|gymnasium|lycee)[^ ]* ${gap(4)}${DE_WHO}`,
    `(?:sollen|sollten|konnen|durfen|mussen) (?:wir|ich|die schule) ${DE_WHO} ${gap(3)}(?:aufnehmen|zulassen|ablehnen|versetzen|zuruckstufen|hochstufen|zuruckstellen)`,
  ],
  rank: [
    `${DE_ASK}(?:ordne|ordnet|ordnen|sortiere|sortiert|sortieren|reihe|ranke|ranken|rank|stufe|stufen|vergleiche|vergleichen|klassifiziere|klassifizieren|teile|teilen|gruppiere|gruppieren)${DE_PLEASE} ${DE_WHO} ${gap(3)}(?:nach|anhand|gemass|entsprechend|basierend auf|auf grundlage) ${gap(2)}${DE_CRITERION}`,
    `${DE_ASK}(?:ranke|ranken|rank|reihe)${DE_PLEASE} ${DE_WHO}`,
    `${DE_ASK}${DE_WHO} ${gap(2)}(?:nach|anhand|gemass) ${gap(2)}${DE_CRITERION} ${gap(2)}(?:ordnen|sortieren|ranken|einstufen|reihen|einordnen|gruppieren|aufteilen|vergleichen|ordnest|sortierst|auflisten)`,
    `${DE_ASK}(?:die|alle) ${DE_PUPIL} ${gap(2)}(?:nach|anhand) ${gap(2)}(?:${DE_CRITERION}|motivation|fleiss|einsatz) ${gap(2)}(?:ordnen|sortieren|ranken|einstufen|reihen|einordnen|gruppieren|aufteilen)`,
    `${DE_ASK}${DE_WHO} ${gap(3)}(?:ranken|in eine rangfolge bringen|in eine rangliste bringen|nach rang ordnen)`,
    `(?:rangliste|rangfolge|ranking|bestenliste|rangordnung|leistungsranking)[^ ]* ${gap(2)}(?:meiner|unserer|der|von|fur|aus|mit) ${gap(1)}(?:${DE_PUPIL}|${DE_WHO})`,
    `(?:welche|welcher|welches|welchen|wer) (?:(?:von|aus|unter|in) )?${DE_WHO} ${gap(3)}${DE_SUPER}`,
    `(?:wer|welche[rs]? ${DE_PUPIL}) (?:ist|sind|war|hat|wird) ${DE_SUPER} ${gap(2)}(?:in|aus|von|unter) ${DE_WHO}`,
  ],
  profile: [
    `(?:profil|personlichkeitsprofil|psychogramm|charakterprofil|lernprofil|schulerprofil|gutachten|charakterstudie|charakterisierung)[^ ]* ${gap(1)}(?:von|vom|uber|zu|meiner|meines|unserer|unseres|des|der|dieser|dieses) ${gap(1)}(?:${DE_PUPIL}|${DE_WHO})`,
    `${DE_ASK}(?:profiliere|profilieren|durchleuchte|durchleuchten)${DE_PLEASE} ${DE_WHO}`,
    `${DE_ASK}${DE_TRAIT_VERB}${DE_PLEASE} ${gap(1)}${DE_TRAIT} ${DE_WITH} ${gap(1)}(?:${DE_PUPIL}|${DE_WHO})`,
    `${DE_ASK}(?:(?:die|den|das) )?${DE_TRAIT} ${DE_WITH} ${gap(1)}(?:${DE_PUPIL}|${DE_WHO}) ${gap(4)}${DE_TRAIT_LAST}`,
    `(?:hat|leidet|hatte) ${DE_WHO} ${gap(2)}${DE_CONDITION}`,
    `(?:ist|sind) ${DE_WHO} ${DE_DIAGNOSIS}`,
    `(?:konnte|konnten|kann|konnen|durfte|musste) ${DE_WHO} (?:(?:ein |eine )?${DE_DIAGNOSIS} sein|${gap(1)}${DE_CONDITION} haben)`,
    `${DE_TELL_IF} ${DE_WHO} ${gap(2)}(?:${DE_CONDITION} (?:hat|haben|hatte)|(?:ein |eine )?${DE_DIAGNOSIS} (?:ist|sind|war))`,
    `${DE_ASK}(?:diagnostiziere|diagnostizieren) ${DE_WHO}`,
    `(?:was fur ein|was fur eine|welche art) (?:mensch|person|kind|typ|charakter|personlichkeit) ist ${DE_WHO}`,
    `(?:sage|sag|sagen)${DE_PLEASE} voraus ${gap(1)}(?:(?:ob|wie|wer|welche|welcher) )?${gap(1)}${DE_WHO}`,
    `(?:prognose|prognostiziere|vorhersage)[^ ]* ${gap(4)}${DE_WHO}`,
  ],
  emotion: [
    `${DE_ASK}${DE_READ}${DE_PLEASE} ${gap(2)}${DE_FEELING} ${DE_WITH} ${gap(1)}(?:${DE_PUPIL}|${DE_WHO})`,
    `${DE_ASK}(?:(?:die|den|das|der) )?${DE_FEELING} ${DE_WITH} ${gap(1)}(?:${DE_PUPIL}|${DE_WHO}) ${DE_GAP}${DE_READ}`,
    `${DE_ASK}${DE_READ}${DE_PLEASE} ${gap(2)}${DE_FEELING} ${gap(4)}(?:aus|in|auf|anhand|mit|uber|per|via) ${DE_IN_MEDIA}`,
    `${DE_ASK}${DE_FEELING} ${gap(4)}(?:aus|in|auf|anhand|mit|uber|per|via) ${DE_IN_MEDIA} ${gap(3)}${DE_READ}`,
    `${DE_ASK}${DE_READ}${DE_PLEASE} ${gap(4)}(?:welche|welcher|welches|wer|ob|wann) (?:${DE_WHO}|${DE_PUPIL}|von ${DE_WHO}) ${gap(2)}${DE_MOOD}`,
    `(?:emotionserkennung|gefuhlserkennung|emotionsanalyse|stimmungsanalyse|mimikanalyse|mimikerkennung|emotionstracking)[^ ]* ${gap(4)}(?:${DE_WHO}|${DE_IN_MEDIA}|klassenzimmer|unterricht)`,
    `${DE_START}(?:ist|wirkt|scheint|war|sind|wirken|scheinen|fuhlt sich|fuhlen sich) ${oneOf(DE_WHO, 'er', 'sie')} ${gap(3)}${DE_MOOD}`,
    `(?:meinst|glaubst|denkst|findest) du ${gap(1)}(?:dass )?${DE_WHO} ${gap(2)}${DE_MOOD}`,
    `${DE_START}(?:ist|wirkt|scheint) [^ ]+ ${gap(1)}${DE_MOOD} ${gap(5)}(?:sein|seine|seinem|seinen|seiner|ihr|ihre|ihrem|ihren|ihrer|diese|diesem|diesen|dieser|dieses) ${gap(1)}(?:${DE_WORK}|${DE_MEDIA}|tagebuch|nachrichten|verhalten)`,
    `wie (?:fuhlt|fuhlen) sich ${DE_WHO}`,
    `was (?:fuhlt|fuhlen|empfindet|empfinden) ${DE_WHO}`,
    `welche (?:gefuhle|emotionen|stimmung) ${gap(4)}(?:${DE_WHO}|${DE_OWNER} ${gap(1)}${DE_WORK}|${DE_WORK} (?:${DE_OF}|${DE_GEN}))`,
    `(?:verrat|verraten|zeigt|zeigen|sagt|sagen) ${gap(4)}uber (?:(?:die|den|das) )?(?:${DE_FEELING}|psyche|psychische gesundheit) ${DE_WITH} ${gap(1)}(?:${DE_PUPIL}|${DE_WHO})`,
  ],
  aside: [
    'wie (?:[^ ]+ ){1,2}(?:ich|man|wir|lehrer|lehrerinnen|lehrkrafte|lehrkraft|lehrpersonen|schulen)',
    '(?:kann|konnen|konnte|darf|durfen|sollte|soll|sollten|wird|ist|sind) (?:(?:eine|die|der|ein|das) )?(?:[^ ]+ )?(?:ki|kunstliche intelligenz|chatgpt|maschine|maschinen|software|algorithmus|algorithmen|system|systeme|tool|tools|programm|programme|computer|llm|llms|app|apps)',
    '(?:glaubst du|meinst du|denkst du) (?:dass )?(?:(?:eine|die|der) )?(?:ki|kunstliche intelligenz|chatgpt|maschinen|software)',
    `${gap(3)}(?:ai act|ki verordnung|dsgvo|datenschutz|gesetz|gesetze|erlaubt|verboten|zulassig|rechtlich|legal|illegal|ethisch|unethisch|vertretbar)`,
    `(?:darf|durfen) (?:(?:ich|man|wir|lehrer|lehrkrafte|eine|die|der|unsere|unser|meine|mein) )?(?:[^ ]+ )?${gap(4)}(?:ki|chatgpt|kunstliche intelligenz|software|tools?|apps?|programme?|systeme?)`,
    '(?:tipps|ideen|ratschlage|hinweise|empfehlungen|methoden) (?:fur|zu|zur|zum|wie)',
    'was ist (?:der|die|das) (?:beste|fairste|richtige|sinnvollste) (?:weg|methode|art|ansatz)',
  ],
  filler: ['hallo', 'hi', 'moin', 'also', 'und', 'aber', 'ok', 'okay', 'bitte', 'kurze frage', 'frage', 'danke'],
};

// ---- Luxembourgish -------------------------------------------------------------------------------------------------
// Words are written whole so that the n-rule and squeezed letters normalise them exactly as a message's ("vun" and
// "vu", "een" and "ee" are short words the n-rule leaves alone, so both are listed).
const LB_PUPIL = oneOf('schüler', 'schülerin', 'schülerinnen', 'schülerinne', 'kand', 'kanner', 'klass', 'klassen', 'jong', 'jongen', 'meedchen', 'meederchen', 'eleven', 'eleve', 'élève', 'student', 'studenten', 'jugendlechen', 'grupp');
const LB_MINE = oneOf('meng', 'mäin', 'mäi', 'menger', 'mengem', 'mengen', 'eis', 'eisen', 'eiser', 'eisem', 'dës', 'dësen', 'dëser', 'dësem', 'dëst', 'all meng', 'all mengen', 'jiddwer', 'jidder', 'ee vu mengen', 'ee vun eisen', 'een vu mengen', 'eng vu mengen', 'engem vu mengen', 'enger vu mengen', 'wéi eng vu mengen');
const LB_ART = '(?:(?:den|de|der|dem|déi|dat) )?';
const LB_WHO = oneOf(`${LB_ART}${NAME}`, `${LB_MINE} ${gap(1)}${LB_PUPIL}(?: ${NAME})?`, `${LB_ART}${LB_PUPIL} ${NAME}`);
const LB_SCHOOLWORK = oneOf('opsaz', 'opsatz', 'opsätz', 'devoir', 'devoiren', 'hausaufgab', 'hausaufgaben', 'klassenaarbecht', 'klassenaarbechten', 'prüfung', 'prüfungen', 'examen', 'kontroll', 'kontrollen', 'dictée', 'diktat', 'redaktioun', 'redaktiounen', 'rédaktioun', 'test', 'testen', 'interro', 'epreuve', 'aarbechtsblat');
const LB_WORK = oneOf(LB_SCHOOLWORK, 'aarbecht', 'aarbechten', 'text', 'texter', 'äntwert', 'äntwerten', 'presentatioun', 'presentatiounen', 'präsentatioun', 'exposé', 'projet', 'projeten', 'zeechnung', 'zeechnungen', 'gedicht', 'gedichter', 'geschicht', 'geschichten', 'resultater', 'resultat', 'leeschtung', 'leeschtungen', 'niveau', 'kompetenzen', 'wëssen', 'fortschrëtt', 'fortschrëtter', 'handschrëft', 'bréif');
const LB_THE = oneOf('den', 'de', 'déi', 'dat', 'der', 'dem', 'dës', 'dësen', 'dësem', 'dëser', 'dëst', 'folgenden', 'folgend', 'all', 'all déi', 'meng', 'mengen', 'mäin', 'mäi', 'eis', 'eisen');
const LB_OWNER = oneOf('säin', 'säi', 'seng', 'sengem', 'senger', 'sengen', 'hiren', 'hir', 'hiert', 'hirem', 'hirer');
const LB_OF = `(?:vum|vun|vu) (?:(?:der|dem|engem|enger) )?(?:${LB_WHO}|${LB_PUPIL})`;
const LB_TARGET = oneOf(LB_WHO, `(?:${LB_THE} )?${oneOf('opsaz', 'devoir', 'hausaufgab', 'klassenaarbecht', 'prüfung', 'examen', 'kontroll', 'dictée', 'redaktioun', 'test', 'interro')}`, `${LB_THE} ${gap(1)}${LB_SCHOOLWORK}`, `${LB_OWNER} (?!eegen[^ ]* )${gap(1)}${LB_WORK}`, `(?:${LB_THE} )?${gap(1)}${LB_WORK} ${LB_OF}`, `${LB_WHO} ${LB_OWNER} ${gap(1)}${LB_WORK}`, `(?:${LB_THE} )?${LB_SCHOOLWORK} (?:vum|vun|vu) [^ ]+`);
const LB_TOOL = oneOf('raster', 'bewäertungsraster', 'kritären', 'critèren', 'quiz', 'test', 'tester', 'froebou', 'froen', 'übung', 'übungen', 'aktivitéit', 'aktivitéiten', 'tool', 'tools', 'method', 'methoden', 'tipps', 'iddien', 'checklëscht', 'modell', 'spill', 'aarbechtsblat', 'méiglechkeeten');
const LB_ASK = `(?<! ech (?:[^ ]+ ){0,2})(?<! (?:loos|looss|loosst|hëllef|hëlleft|bréng|bréngt) )(?<! ${LB_TOOL} ${gap(3)}(?:fir|ze|mat deem|mat där|fir dass) )`;
const LB_PLEASE = '(?: mir| mer| w e g| wann ech gelift| dir| mol| emol| eis)*';
const LB_GAP = clauseGap(5, 'ass|sinn|war|waren|gëtt|ginn|kann|kënnen|loossen|sech');
const LB_GRADE = oneOf('bewäert', 'bewäer', 'bewäerts', 'benot', 'benoten', 'notéier', 'notéiert', 'evaluéier', 'evaluéiert', 'beurteel', 'beurteelt', 'korrigéier a bewäert', 'korrigéiert a bewäert');
const LB_GRADE_LAST = oneOf('bewäerten', 'benoten', 'notéieren', 'evaluéieren', 'beurteelen', 'aschätzen', 'ze bewäerten', 'ze benoten', 'ze notéieren', 'ze evaluéieren', 'ze beurteelen', 'anzeschätzen', 'bewäerts', 'notéiers');
const LB_SCORE = oneOf('note', 'noten', 'punkten', 'punktzuel', 'bewäertung');
const LB_SCALE = oneOf('vun [0-9]+ bis [0-9]+', 'vu [0-9]+ bis [0-9]+', 'tëscht [0-9]+ an [0-9]+', 'tëschent [0-9]+ an [0-9]+', 'op [0-9]+', 'iwwer [0-9]+', 'vun [0-9]+', 'vu [0-9]+', 'op enger skala vun [0-9]+ bis [0-9]+');
const LB_LEVEL = oneOf('schwaach', 'schwaachen', 'schwaache', 'staark', 'staarken', 'staarke', 'gutt', 'gudden', 'gudde', 'schlecht', 'schlechten', 'schlechte', 'begaabt', 'begaabten', 'intelligent', 'intelligenten', 'faul', 'faulen', 'domm', 'dommen', 'lues', 'luesen', 'hannendrun', 'hannendran', 'iwwerduerchschnëttlech', 'ënnerduerchschnëttlech');
const LB_SUPER = oneOf('am (?!éischten|nächsten|leschten)[^ ]+sten', 'bescht', 'beschten', 'schlechtsten', 'schwächsten', 'staarksten', 'stäerksten', 'gescheitsten', 'intelligentsten', 'faulsten', 'besser', 'schlechter', 'schwächer', 'stäerker', 'duerchfalen', 'falen duerch', 'hannendrun', 'hannendran');
const LB_CRITERION = oneOf('leeschtung', 'leeschtungen', 'niveau', 'noten', 'note', 'fäegkeeten', 'kënnen', 'intelligenz', 'kompetenzen', 'resultater', 'resultat', 'punkten', 'talent', 'stäerkten', 'schwächten');
const LB_TRAIT = oneOf('perséinlechkeet', 'charakter', 'psych', 'psychesch gesondheet', 'intelligenz', 'famillesituatioun', 'temperament', 'behuelen', 'verhalen');
const LB_CONDITION = oneOf('adhs', 'adhd', 'tdah', 'ads', 'autismus', 'asperger', 'legasthenie', 'dyslexie', 'dyskalkulie', 'depressioun', 'depressiounen', 'angschtstéierung', 'eng stéierung', 'stéierungen', 'eng behënnerung', 'hochbegaabung');
const LB_DIAGNOSIS = oneOf('autistesch', 'autist', 'autistin', 'dyslexesch', 'hochbegaabt', 'hyperaktiv', 'bipolar', 'psychesch krank');
// "Sot mir, ob…", "mengt Dir, datt…": asking for the verdict.
const LB_TELL_IF = `(?:so|sot|soen|entscheed|entscheet|entscheeden|bestëmm|bestëmmt|mengs|mengt|denks|denkt|gleefs|gleeft|weess|wees)${LB_PLEASE} ${gap(1)}(?:ob|datt|dass)`;
const LB_PLACE = oneOf('classique', 'général', 'enseignement classique', 'enseignement général', 'enseignement secondaire classique', 'enseignement secondaire général', 'esc', 'esg', 'lycée classique', 'gymnasium', 'voie de préparation', 'préparatoire', 'nächst klass', 'nächster klass', 'méi héich klass', 'förderklass', 'enseignement différencié', 'sektioun', 'filière');
// "Widderhuelen" needs the year it repeats, or nothing after the modal: "soll hien den Text widderhuelen?" is a lesson.
const LB_MOVE = oneOf('(?:klass|joer|schouljoer) widderhuelen', '(?:soll|sollt|muss|misst|wäert) widderhuelen(?= $)', 'sëtze bleiwen', 'sëtzebleiwen', 'eng klass iwwersprangen', '(?:ugeholl|opgeholl) (?:ginn|gëtt)', `(?:an|a|op|am)(?: (?:de|den|déi|dat|der|dem))? ${gap(1)}${LB_PLACE}`);
const LB_FEELING = oneOf('emotioun', 'emotiounen', 'gefill', 'gefiller', 'gefillslag', 'stëmmung', 'stëmmungen', 'laun', 'launen', 'gemittszoustand', 'emotionalen zoustand', 'psycheschen zoustand', 'gesiichtsausdrock', 'gesiichtsausdréck', 'mimik', 'stress', 'angscht', 'ängscht', 'opmierksamkeet', 'langweil', 'wuelbefannen', 'befannen');
const LB_READ = oneOf('analyséier', 'analyséiert', 'analyséieren', 'erkenn', 'erkennt', 'erkennen', 'liess', 'lies', 'liesen', 'deit', 'deiten', 'bestëmm', 'bestëmmt', 'bestëmmen', 'mooss', 'moossen', 'iwwerwaach', 'iwwerwaachen', 'beobacht', 'beobachten', 'schätz', 'schätzen', 'aschätzen', 'bewäert', 'bewäerten', 'interpretéier', 'interpretéieren', 'detektéier', 'detektéieren', 'identifizéier', 'identifizéieren', 'beschreif', 'beschreiwen', 'so mir', 'sot mir', 'so mer', 'sot mer', 'erfaass', 'erfaassen', 'evaluéier', 'evaluéieren');
const LB_MEDIA = oneOf('video', 'videoen', 'videos', 'webcam', 'kamera', 'kameraen', 'opnam', 'opnamen', 'foto', 'fotoen', 'bild', 'biller', 'gesiicht', 'gesiichter', 'stëmm', 'videokonferenz', 'selfie');
const LB_IN_MEDIA = oneOf(`(?:dësem|dëser|dësen|dës|dëst|mengem|menger|mengen|eisem|eiser|sengem|senger|hirem|hirer) ${gap(1)}${LB_MEDIA}`, `(?:der|dem|de|den) ${gap(1)}(?:video|videoen|webcam|kamera|kameraen|opnam|opnamen|videokonferenz)`);
const LB_MOOD = oneOf('depressiv', 'deprimiert', 'traureg', 'onglécklech', 'glécklech', 'ängschtlech', 'gestresst', 'rosen', 'béis', 'eleng', 'eesam', 'gelangweilt', 'suizidal', 'traumatiséiert', 'frustréiert', 'jalous', 'verléift', 'nervös', 'besuergt', 'verzweiwelt', 'iwwerfuerdert', 'gemobbt', 'ongemotivéiert', 'demotivéiert', 'ugespaant', 'schlecht drun', 'net gutt drun', 'opgereegt', 'verstéiert');
const LB_WITH = '(?:vum|vun|vu|bei|an|a|ënner|vun der|vun dem)';
const LB_START = '(?<=^ )(?:(?:an|also|mee|sot emol|so emol) )?';

const LB: Lexicon = {
  grade: [
    `${LB_ASK}${LB_GRADE}${LB_PLEASE} ${LB_TARGET}`,
    `${LB_ASK}${LB_TARGET} ${LB_GAP}${LB_GRADE_LAST}`,
    `${LB_ASK}(?:gëff|gëf|gitt|gëss|gëtt|gif|ginn)${LB_PLEASE} ${LB_TARGET} ${gap(2)}(?:(?:eng|en|e) )?${gap(1)}${LB_SCORE}`,
    `(?:wéi eng|wat fir eng) ${LB_SCORE} ${gap(5)}${LB_TARGET}`,
    `${LB_SCORE} ${LB_SCALE} ${gap(2)}(?:fir|zu|vum|vun|vu|op) ${LB_TARGET}`,
    `(?<=^ )(?:bewäert|bewäer|notéier|notéiert|evaluéier|evaluéiert|benot)(?: w e g| wann ech gelift| mir| mer)? (?:dat|dëst|dës|dësen|et|hien|hatt|dat hei|dësen text|den text hei)(?: w e g| wann ech gelift| ${LB_SCALE})*(?= $)`,
    `${LB_START}(?:ass|sinn|war) ${LB_WHO} (?:(?:e|en|eng) )?(?:wierklech |ganz |éischter )?${LB_LEVEL}(?: ${LB_PUPIL}| (?:a|an|am) [^ ]+)?(?= $)`,
  ],
  placement: [
    `${LB_START}(?:soll|sollt|muss|misst|kann|kéint|däerf|wäert) ${oneOf(LB_WHO, 'hien', 'hatt')} (?:${gap(3)}${LB_MOVE}|widderhuelen(?= $))`,
    `(?:wéi een|wéi ee|wéi eng|wien|wat fir een|wat fir eng)(?: vun| vu| aus| ënner| an)? ${LB_WHO} ${gap(4)}${LB_MOVE}`,
    `${LB_TELL_IF} ${LB_WHO} ${gap(4)}${LB_MOVE}`,
    `(?:orientatiounsavis|avis d orientation)[^ ]* ${gap(2)}(?:fir|vum|vun|vu|iwwer) ${gap(1)}${LB_WHO}`,
    `(?:wéi eng|wat fir eng|wéi en|wat fir en) (?:orientatioun|sektioun|filière|schoul|schoulform|lycée) ${gap(4)}${LB_WHO}`,
  ],
  rank: [
    `${LB_ASK}(?:klasséier|klasséiert|klasséieren|rangéier|rangéiert|rangéieren)${LB_PLEASE} ${LB_WHO}`,
    `${LB_ASK}(?:sortéier|sortéiert|zortéier|zortéiert|uerden|uerdent|vergläich|vergläicht|deel|deelt|gruppéier|gruppéiert|stuf|stuft)${LB_PLEASE} ${LB_WHO} ${gap(3)}(?:no|nom|jee no|op basis vun|op basis vu|ofhängeg vun) ${gap(2)}${LB_CRITERION}`,
    `${LB_ASK}${LB_WHO} ${gap(3)}(?:klasséieren|rangéieren|aklasséieren|an eng rangfolleg bréngen)`,
    `${LB_ASK}${LB_WHO} ${gap(1)}(?:no|nom|jee no) ${gap(2)}${LB_CRITERION} ${gap(2)}(?:sortéieren|zortéieren|uerdnen|opdeelen|gruppéieren|vergläichen)`,
    `(?:ranglëscht|ranking|klassement|classement|rangfolleg|bestelëscht)[^ ]* ${gap(2)}(?:vun|vu|vum|fir|aus|mat) ${gap(1)}(?:${LB_WHO}|${LB_PUPIL})`,
    `(?:wéi een|wéi ee|wéi eng|wien|wat fir een|wat fir eng)(?: vun| vu| aus| ënner| an)? ${LB_WHO} ${gap(3)}${LB_SUPER}`,
    `(?:wien|wéi een|wéi ee|wéi eng) (?:${LB_PUPIL} )?(?:ass|sinn|war|huet|hunn) (?:(?:de|den|déi|dee|dat) )?${LB_SUPER} ${gap(2)}(?:an|a|aus|vun|vu|ënner|vum) ${LB_WHO}`,
  ],
  profile: [
    `(?:profil|perséinlechkeetsprofil|psychogramm|charakterprofil|gutachten)[^ ]* ${gap(1)}(?:vum|vun|vu|iwwer) ${gap(1)}(?:${LB_WHO}|${LB_PUPIL})`,
    `${LB_ASK}(?:analyséier|analyséiert|beschreif|beschreift|bewäert|beurteel|schätz|erstell|maach|bestëmm)${LB_PLEASE} ${gap(1)}${LB_TRAIT} ${LB_WITH} ${gap(1)}(?:${LB_WHO}|${LB_PUPIL})`,
    `${LB_ASK}${LB_TRAIT} ${LB_WITH} ${gap(1)}(?:${LB_WHO}|${LB_PUPIL}) ${gap(4)}(?:analyséieren|beschreiwen|aschätzen|beurteelen|bewäerten|deiten|diagnostizéieren)`,
    `(?:huet|hätt|leit|leid) ${LB_WHO} ${gap(2)}${LB_CONDITION}`,
    `(?:ass|sinn) ${LB_WHO} ${LB_DIAGNOSIS}`,
    `(?:kéint|kéinten|kann|kënnen|kënnt) ${LB_WHO} (?:${LB_DIAGNOSIS} sinn|${gap(1)}${LB_CONDITION} hunn)`,
    `${LB_TELL_IF} ${LB_WHO} ${gap(2)}(?:${LB_CONDITION} (?:huet|hätt|hunn)|${LB_DIAGNOSIS} (?:ass|wier|sinn))`,
    `wat fir (?:(?:e|en|eng) )?(?:mënsch|persoun|kand|typ|charakter) ass ${LB_WHO}`,
    `${LB_ASK}(?:diagnostizéier|diagnostizéiert|diagnostizéieren) ${LB_WHO}`,
    `(?:so|sot) ${gap(1)}vir ${gap(1)}(?:(?:ob|wéi|wien) )?${LB_WHO}`,
  ],
  emotion: [
    `${LB_ASK}${LB_READ}${LB_PLEASE} ${gap(2)}${LB_FEELING} ${LB_WITH} ${gap(1)}(?:${LB_WHO}|${LB_PUPIL})`,
    `${LB_ASK}${LB_FEELING} ${LB_WITH} ${gap(1)}(?:${LB_WHO}|${LB_PUPIL}) ${LB_GAP}${LB_READ}`,
    `${LB_ASK}${LB_READ}${LB_PLEASE} ${gap(2)}${LB_FEELING} ${gap(4)}(?:aus|an|a|op|mat|iwwer|per|via|um|am|vum) ${LB_IN_MEDIA}`,
    `${LB_ASK}${LB_FEELING} ${gap(4)}(?:aus|an|a|op|mat|iwwer|per|via|um|am|vum) ${LB_IN_MEDIA} ${gap(3)}${LB_READ}`,
    `${LB_ASK}${LB_READ}${LB_PLEASE} ${gap(5)}(?:wéi eng|wéi een|wéi ee|wien|ob|wann) (?:${LB_WHO}|${LB_PUPIL}) ${gap(2)}${LB_MOOD}`,
    `(?:emotiounserkennung|gefillserkennung|emotiounsanalys|emotiounsanalyse|stëmmungsanalys|mimikanalys)[^ ]* ${gap(4)}(?:${LB_WHO}|${LB_IN_MEDIA}|klassesall|klassesaal|cours|ënnerrecht)`,
    `${LB_START}(?:ass|wierkt|schéngt|war|sinn|wierken|schéngen|fillt sech|fillen sech) ${oneOf(LB_WHO, 'hien', 'hatt', 'si')} ${gap(3)}${LB_MOOD}`,
    `(?:mengs du|mengt dir|denks du|denkt dir|gleefs du|gleeft dir) ${gap(1)}(?:(?:datt|dass) )?${LB_WHO} ${gap(2)}${LB_MOOD}`,
    `${LB_START}(?:ass|wierkt|schéngt) ${LB_ART}[^ ]+ ${gap(1)}${LB_MOOD} ${gap(5)}(?:säin|säi|seng|sengem|senger|sengen|hiren|hir|hiert|hirem|hirer|dësen|dës|dëst|dësem|dëser) ${gap(1)}(?:${LB_WORK}|${LB_MEDIA}|dagebuch|messagen|behuelen)`,
    `wéi (?:fillt|fillen|geet et) (?:sech )?${LB_WHO}`,
    `wat (?:fillt|fillen|denkt|empfënnt) ${LB_WHO}`,
    `(?:wéi eng|wat fir eng) (?:gefiller|emotiounen|stëmmung) ${gap(4)}(?:${LB_WHO}|${LB_OWNER} ${gap(1)}${LB_WORK}|${LB_WORK} ${LB_OF})`,
  ],
  aside: [
    'wéi (?:[^ ]+ ){1,2}(?:ech|mer|mir|een|ee|léierpersonal|enseignanten|schoulen|léierinnen|léierer)',
    '(?:kann|kënnen|kéint|soll|sollt|däerf|darf|ass|wäert) (?:(?:eng|den|de) )?(?:[^ ]+ )?(?:ki|chatgpt|maschinn|software|algorithmus|tool|tools|ia|computer|programm|system|systemer)',
    `${gap(3)}(?:ai act|ki verordnung|dsgvo|rgpd|gdpr|gesetz|gesetzer|erlaabt|verbueden|legal|illegal|ethesch|zoulässeg|reegelen)`,
    `(?:däerf|darf|däerfen) (?:(?:ech|mer|mir|een|ee|eng|d|eis|eise|eist) )?(?:[^ ]+ )?${gap(4)}(?:ki|chatgpt|tool|software|app|programm|system)`,
    '(?:tipps|iddien|rotschléi|conseils) (?:fir|zu|zum|zur)',
    '(?:wat ass|wat sinn) (?:(?:déi|de|den) )?(?:bescht|beschten|gutt) (?:method|methoden|manéier|aart)',
  ],
  filler: ['moien', 'hallo', 'salut', 'also', 'an', 'mee', 'dann', 'sot emol', 'so emol', 'merci', 'w e g'],
};

const LEXICONS: Record<Lang, Lexicon> = { en: EN, fr: FR, de: DE, lb: LB };

// A named pupil's feelings read by a machine is prohibited at school (AI Act Art. 5(1)(f)) however it is asked: as a
// question about AI ("Can an AI tell from the webcam whether my pupil [name] is sad?") or across sentences ("… de
// [name], ass ëmmer traureg. Kann eng KI iwwer d'Kamera erkennen, wéi et him geet?"). A message that holds a name the
// redaction removed, a feeling, a machine and a way of reading asks it, whatever its asides.
const MACHINES: Record<Lang, string> = {
  en: oneOf(EN_MEDIA, 'ai', 'artificial intelligence', 'tools?', 'software', 'apps?', 'system', 'algorithms?', 'chatgpt', 'computer'),
  fr: oneOf(FR_MEDIA, 'ia', 'intelligence artificielle', 'outils?', 'logiciels?', 'applis?', 'applications?', 'systemes?', 'algorithmes?', 'chatgpt'),
  de: oneOf(DE_MEDIA, 'ki', 'kunstliche intelligenz', 'tools?', 'software', 'apps?', 'systeme?', 'programme?', 'algorithmus', 'chatgpt', 'computer'),
  lb: oneOf(LB_MEDIA, 'ki', 'kenschtlech intelligenz', 'tools?', 'software', 'apps?', 'system', 'programm', 'algorithmus', 'chatgpt', 'computer'),
};
const NAMED_FEELINGS: Record<Lang, string[]> = {
  en: [oneOf(EN_FEELING, EN_MOOD), oneOf(EN_READ, 'tell', 'see', 'know')],
  fr: [oneOf(FR_FEELING, FR_MOOD), oneOf(FR_READ, 'lit', 'lisent', 'lire', 'detecte', 'reconnait', 'analyse', 'voir', 'savoir', 'dire')],
  de: [oneOf(DE_FEELING, DE_MOOD, 'wie es (?:ihm|ihr) geht'), oneOf(DE_READ, 'sehen', 'sagen', 'wissen')],
  lb: [oneOf(LB_FEELING, LB_MOOD, 'wei et (?:him|hir|em|er) geet'), oneOf(LB_READ, 'gesinn', 'soen', 'wessen')],
};
// A grade for the pupil a message names, given to a pronoun in a later sentence ("Meine Schülerin [name] hat … Kannst
// du … ihr eine Note geben?").
const GRADE_FOR_THEM: Record<Lang, string> = {
  en: '(?:give|assign|award) (?:him|her|them) (?:a |an |the )?(?:grade|mark|score)',
  fr: '(?:lui|leur) (?:donner|donnes|donnez|mettre|mets|mettez|attribuer|attribues|attribuez) (?:une |la )?note',
  de: '(?:ihm|ihr|ihnen) (?:eine |die )?(?:note|punktzahl|bewertung) (?:geben|gibst|geben sie|vergeben|erteilen)',
  lb: '(?:him|hir|hinnen|em|er) (?:eng |d )?(?:note|punkten|bewaertung) (?:ginn|gees|gitt|ze ginn)',
};
// Ranking or reading the feelings of the pupils a message names, asked of a pronoun in a later sentence ("Here is my
// class list: [name], [name]. Can you rank them by …?", "Mon élève [name] semble triste. Peux-tu analyser son état
// émotionnel ?"). Only in a message that names pupils: "rank them" alone may be activities, "son état" a character's.
const FOR_THEM: Record<Lang, Partial<Record<PupilAssessmentKind, string>>> = {
  en: { rank: '(?:rank|order|sort|classify|compare|group|split|divide|stream) (?:them|these|those)' },
  fr: {
    rank: '(?:les|me les|nous les) (?:classer|classez|classes|trier|triez|ordonner|ordonnez|comparer|comparez|hierarchiser|hierarchisez|repartir)',
    emotion: `${FR_READ} (?:son|sa|ses|leur|leurs) ${gap(1)}${FR_FEELING}`,
  },
  de: {
    rank: `sie ${gap(5)}(?:einstufen|einordnen|sortieren|ordnen|ranken|reihen|vergleichen|klassifizieren|gruppieren|aufteilen)`,
    emotion: `(?:seine|ihre|seinen|ihren|seinem|ihrem) ${gap(1)}${DE_FEELING} ${gap(4)}${DE_READ}`,
  },
  lb: {
    rank: `se ${gap(5)}(?:klasséieren|sortéieren|zortéieren|rangéieren|uerdnen|astufen|aklasséieren|vergläichen|gruppéieren|opdeelen)`,
    emotion: `(?:seng|säin|sengem|senger|hir|hire|hirem|hirer) ${gap(1)}${LB_FEELING} ${gap(4)}${LB_READ}`,
  },
};
const forThem = Object.fromEntries(
  LANGS.map((lang) => [lang, PUPIL_ASSESSMENT_KINDS.flatMap((kind) => (FOR_THEM[lang][kind] ? [[kind, wordPattern(FOR_THEM[lang][kind]!, lang)] as const] : []))]),
) as Record<Lang, (readonly [PupilAssessmentKind, RegExp])[]>;
const WHO: Record<Lang, string> = { en: EN_WHO, fr: FR_WHO, de: DE_WHO, lb: LB_WHO };
const namesPupils = Object.fromEntries(LANGS.map((lang) => [lang, wordPattern(oneOf(NAME, WHO[lang]), lang)])) as Record<Lang, RegExp>;
const gradeForThem = Object.fromEntries(LANGS.map((lang) => [lang, wordPattern(GRADE_FOR_THEM[lang], lang)])) as Record<Lang, RegExp>;
const named = Object.fromEntries(LANGS.map((lang) => [lang, wordPattern(NAME, lang)])) as Record<Lang, RegExp>;
const namedFeelings = Object.fromEntries(
  LANGS.map((lang) => [lang, [NAME, MACHINES[lang], ...NAMED_FEELINGS[lang]].map((source) => wordPattern(source, lang))]),
) as Record<Lang, RegExp[]>;

const compiled = Object.fromEntries(
  LANGS.map((lang) => {
    const lexicon = LEXICONS[lang];
    const kinds = PUPIL_ASSESSMENT_KINDS.map((kind) => [kind, wordPattern(oneOf(...lexicon[kind]), lang)] as const);
    const aside = wordPattern(`(?:${oneOf(...lexicon.filler)} )*${oneOf(...lexicon.aside)}`, lang, true);
    return [lang, { kinds, aside }];
  }),
) as Record<Lang, { kinds: (readonly [PupilAssessmentKind, RegExp])[]; aside: RegExp }>;

// Sentences are read one by one, so that "How do I grade fairly? Grade [name]'s essay." still asks for a grade. A full
// stop ends a sentence only before a capital or the end, so "w.e.g." and "e.g." do not split one.
const sentences = (message: string): string[] => message.split(/[?!;\n]+|[.:]+(?=\s+\p{Lu}|\s*$)/u).filter((part) => part.trim());

// "j’évalue" reads "evalue": the subject would be lost with the elided "j", and a teacher's own grading asks for nothing.
const keepFrenchI = (sentence: string, lang: Lang): string => (lang === 'fr' ? sentence.replace(/\bj['’`]\s*/giu, 'je ') : sentence);

/**
 * Whether a message asks the assistant to grade, rank, place (a track, a class, a repeated year), profile or read the
 * emotions of an identifiable pupil (a name, "my pupils", "this essay"), and which; null for questions about assessment
 * in general ("how do I design a fair rubric?"), about the law or AI ("can AI grade essays fairly?"), or for tools that
 * assess nobody yet.
 */
export function detectPupilAssessment(message: string, lang: Lang): PupilAssessment | null {
  const { kinds, aside } = compiled[lang];
  const whole = wordText(message, lang);
  if (namedFeelings[lang].every((pattern) => pattern.test(whole))) return { kind: 'emotion' };
  const gradesNamed = named[lang].test(whole) && gradeForThem[lang].test(whole);
  const found = sentences(message)
    .map((sentence) => wordText(keepFrenchI(sentence, lang), lang))
    .filter((text) => !aside.test(text.slice(1)))
    .flatMap((text) => kinds.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind));
  if (namesPupils[lang].test(whole)) found.push(...forThem[lang].filter(([, pattern]) => pattern.test(whole)).map(([kind]) => kind));
  const kind = PUPIL_ASSESSMENT_KINDS.find((candidate) => found.includes(candidate)) ?? (gradesNamed ? 'grade' : undefined);
  return kind ? { kind } : null;
}
