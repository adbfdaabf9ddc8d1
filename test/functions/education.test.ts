// The teachers' assistant over HTTP: answers from the teachers' documents and the strategy, removes personal data
// before storing, keeps a conversation 24 hours, refuses to grade a pupil, never offers a lead form, and with
// EDU_ACCESS=codes lets in only a valid class or school code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessCode, revokeCode } from '../../agents/edu/access.ts';
import { makeApp } from '../support/app.ts';

type Reply = { conversationId: string; conversationToken: string; lang: string; mode?: string; answer: string; answered: boolean; sources: { docId: string }[]; actions: { type: string }[]; error?: { code: string; message: string } };

let open: Awaited<ReturnType<typeof makeApp>>;
let codes: Awaited<ReturnType<typeof makeApp>>;
beforeAll(async () => {
  [open, codes] = await Promise.all([makeApp({ env: { LLM_MODE: 'offline' } }), makeApp({ env: { LLM_MODE: 'offline', EDU_ACCESS: 'codes' } })]);
});
afterAll(() => {
  open.dispose();
  codes.dispose();
});

async function ask(made: typeof open, body: Record<string, unknown>, lang = 'en') {
  const response = await made.app.request('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': lang },
    body: JSON.stringify({ assistant: 'education', ...body }),
  });
  return { status: response.status, body: (await response.json()) as Reply };
}

describe('the teachers’ assistant', () => {
  it.each([
    ['en', 'What does the EU AI Act say about using AI to evaluate pupils’ learning outcomes?'],
    ['fr', 'Que dit le règlement européen sur l’IA de l’évaluation des acquis des élèves par une IA ?'],
    ['de', 'Was sagt die KI-Verordnung der EU über KI, die Lernergebnisse von Schülern bewertet?'],
    ['lb', 'Wat seet d’KI-Verordnung vun der EU iwwer KI, déi d’Léierresultater vu Schüler bewäert?'],
  ])('answers a %s teacher from the teachers’ documents, cited, with the note that drafting needs the model', async (lang, message) => {
    const { status, body } = await ask(open, { message, lang }, lang);
    expect(status).toBe(200);
    expect(body.answered).toBe(true);
    expect(body.sources.length).toBeGreaterThan(0);
    expect(body.sources.every((source) => /^(edu-|ai-strategy)/.test(source.docId))).toBe(true);
    expect(body.answer).toContain(open.deps.i18n.forLang(lang as 'en')('chat:teachers.offline_note'));
    expect(body.actions.map((action) => action.type)).not.toContain('lead_form');
  });

  it.each([
    // Teachers name ages in years where the documents say "ages 6 to 9", and write "deepfake" as one word.
    ['en', 'How do I explain bias to 12-year-olds?', 'edu-'],
    ['en', 'Activities for 6 to 9 year olds', 'edu-classroom-activities'],
    ['fr', 'Des idées pour des enfants de 8 ans ?', 'edu-classroom-activities'],
    ['en', 'What is a deepfake?', 'edu-how-ai-fails'],
    ['fr', "Qu'est-ce qu'un deepfake ?", 'edu-how-ai-fails'],
    // The documents name no AI product: a question about ChatGPT is about AI tools, answered from what they say of them.
    ['en', 'Can my pupils use ChatGPT for their homework?', 'edu-'],
    ['fr', 'Mes élèves peuvent-ils utiliser ChatGPT pour leurs devoirs ?', 'edu-'],
    ['de', 'Dürfen meine Schüler ChatGPT für Hausaufgaben benutzen?', 'edu-'],
  ])('answers the %s question %j from the teachers’ documents', async (lang, message, docId) => {
    const { body } = await ask(open, { message, lang }, lang);
    expect(body.answered).toBe(true);
    expect(body.sources.map((source) => source.docId).some((id) => id.startsWith(docId))).toBe(true);
  });

  it.each([
    ['en', 'Hello!', 'Who are you actually?', 'How do I bake sourdough bread?'],
    ['fr', 'Bonjour !', 'Tu es qui au fait ?', 'Comment faire du pain au levain ?'],
    ['de', 'Hallo!', 'Wer bist du eigentlich?', 'Wie backe ich Sauerteigbrot?'],
    ['lb', 'Moien!', 'Wien bass du eigentlech?', 'Wéi baken ech Sauerdeegbrout?'],
  ])('speaks to a %s teacher as the teachers’ assistant: its notice, greeting, identity and refusal, never the offer of the AI Factory’s staff', async (lang, hello, who, offTopic) => {
    const t = open.deps.i18n.forLang(lang as 'en');
    const greeted = (await ask(open, { message: hello, lang }, lang)).body;
    expect(greeted.answer).toBe(`${t('chat:edu.ai_notice')}\n\n${t('chat:edu.smalltalk.greeting')}`);
    const ids = { conversationId: greeted.conversationId, conversationToken: greeted.conversationToken };
    expect((await ask(open, { message: who, lang, ...ids }, lang)).body.answer).toBe(t('chat:edu.smalltalk.identity'));
    expect((await ask(open, { message: offTopic, lang, ...ids }, lang)).body.answer).toBe(t('chat:edu.no_knowledge'));
    const answered = (await ask(open, { message: 'AI Act', lang, ...ids }, lang)).body;
    expect(answered.answered).toBe(true);
    expect(answered.answer).not.toContain(t('chat:offline.staff_offer'));
  });

  it('stores a message with personal data only redacted, says what it removed, and keeps the conversation 24 hours', async () => {
    const message = 'My pupil Max Muller (max.muller@example.lu, +352 621 123 456, IBAN LU28 0019 4006 4475 0000) struggles with AI homework. How can I explain machine learning to 12-year-olds?';
    const { body } = await ask(open, { message });
    const t = open.deps.i18n.forLang('en');
    for (const kind of ['email', 'phone', 'iban', 'name']) expect(body.answer).toContain(t(`privacy:kinds.${kind}`, { count: 1 }));
    const exported = await open.app.request(`/api/conversations/${body.conversationId}/export`, { headers: { authorization: `Bearer ${body.conversationToken}` } });
    const data = (await exported.json()) as { conversation: { createdAt: string; retainUntil: string }; messages: { role: string; content: string }[] };
    const question = data.messages.find((m) => m.role === 'user')!.content;
    for (const placeholder of ['[name]', '[email]', '[phone]', '[iban]']) expect(question).toContain(placeholder);
    for (const secret of ['Max', 'max.muller', '621 123 456', 'LU28']) expect(JSON.stringify(data)).not.toContain(secret);
    expect(Date.parse(data.conversation.retainUntil) - Date.parse(data.conversation.createdAt)).toBe(24 * 3_600_000);
  });

  it('tells a teacher what redaction removed even while the conversation waits for a person, who reads it redacted', async () => {
    const asked = (await ask(open, { message: 'I want to talk to a person, please.' })).body;
    const ids = { conversationId: asked.conversationId, conversationToken: asked.conversationToken };
    const { body } = await ask(open, { message: 'My pupil Anna Klein (anna.klein@school.lu) struggles with AI homework.', ...ids });
    const t = open.deps.i18n.forLang('en');
    expect(body).toMatchObject({ mode: 'staff', answered: false });
    for (const kind of ['email', 'name']) expect(body.answer).toContain(t(`privacy:kinds.${kind}`, { count: 1 }));
    const history = await open.app.request(`/api/conversations/${body.conversationId}/messages`, { headers: { authorization: `Bearer ${body.conversationToken}` } });
    const text = JSON.stringify(await history.json());
    expect(text).toContain('[email]');
    expect(text).not.toContain('anna.klein');
  });

  it('stores a teacher\'s feedback comment only redacted', async () => {
    const { body } = await ask(open, { message: 'How can I explain machine learning to 12-year-olds?' });
    const history = await open.app.request(`/api/conversations/${body.conversationId}/messages`, { headers: { authorization: `Bearer ${body.conversationToken}` } });
    const messages = ((await history.json()) as { messages: { id: string; role: string }[] }).messages;
    const answer = messages.find((m) => m.role === 'assistant')!;
    const comment = 'Useless for my pupil Max Muller, write to me at jane.doe@example.lu';
    const response = await open.app.request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${body.conversationToken}` },
      body: JSON.stringify({ messageId: answer.id, rating: 'down', comment }),
    });
    expect(response.status).toBe(201);
    const stored = await open.deps.db.$client.execute({ sql: 'SELECT comment FROM feedback WHERE message_id = ?', args: [answer.id] });
    const kept = String(stored.rows[0]?.comment);
    expect(kept).toContain('[email]');
    expect(kept).toContain('[name]');
    for (const secret of ['Max', 'jane.doe']) expect(kept).not.toContain(secret);
  });

  it.each([
    ['en', 'Please grade Lena’s essay out of 20: she wrote that AI will replace teachers.'],
    ['fr', 'Mets une note sur 20 à la copie de mon élève Julie.'],
    ['de', 'Welcher meiner Schüler ist am schwächsten? Bitte eine Rangliste.'],
    ['lb', 'Bewäert w.e.g. den Opsaz vu menger Schülerin Mia.'],
  ])('refuses in %s to grade, rank or profile a pupil, naming the rule', async (lang, message) => {
    const { body } = await ask(open, { message, lang }, lang);
    expect(body.answered).toBe(false);
    expect(body.answer).toMatch(/AI Act|IA|KI|Annex|annexe|Anhang|Annex/);
    expect(body.sources).toEqual([]);
  });

  it.each([
    ['en', 'Can an AI tell from the webcam whether my pupil Max Schmit is sad or bored?', 'emotion'],
    ['fr', 'Est-ce que je peux utiliser une IA qui lit les émotions de mon élève Léa Muller pendant les contrôles ?', 'emotion'],
    ['lb', "Ee vu menge Schüler, de Max Schmit, ass ëmmer traureg. Kann eng KI iwwer d'Kamera erkennen, wéi et him geet?", 'emotion'],
    ['de', 'Meine Schülerin Sophie Becker, sophie.becker@education.lu, hat einen Aufsatz abgegeben. Kannst du einschätzen, ob sie geschummelt hat, und ihr eine Note geben?', 'grade'],
  ])('refuses in %s a request about a named pupil asked as a question or across sentences: "%s"', async (lang, message, kind) => {
    const { body } = await ask(open, { message, lang }, lang);
    expect(body.answered).toBe(false);
    expect(body.answer).toContain(open.deps.i18n.forLang(lang as 'en')(`chat:edu.refusal.${kind}`));
    expect(body.sources).toEqual([]);
  });

  it.each([
    ['en', 'Which of my pupils, Tom or Lisa, should go to the advanced track?', 'placement'],
    ['en', 'Based on her writing, does my pupil Emma have dyslexia?', 'profile'],
    ['fr', 'Est-ce que mon élève Hugo est surdoué ?', 'profile'],
  ])('refuses in %s to decide a named pupil’s track or diagnose them: "%s"', async (lang, message, kind) => {
    const { body } = await ask(open, { message, lang }, lang);
    expect(body.answered).toBe(false);
    expect(body.answer).toContain(open.deps.i18n.forLang(lang as 'en')(`chat:edu.refusal.${kind}`));
    expect(body.sources).toEqual([]);
  });

  it('still answers what the law says about AI deciding admissions, which names no pupil', async () => {
    const { body } = await ask(open, { message: 'What does the AI Act say about AI that decides school admissions?' });
    expect(body.answer).not.toContain(open.deps.i18n.forLang('en')('chat:edu.refusal.placement'));
  });

  it('still answers what the law says about emotion recognition, which names no pupil', async () => {
    const { body } = await ask(open, { message: 'Can AI read pupils’ emotions in class? Is that allowed?' });
    expect(body.answer).not.toContain(open.deps.i18n.forLang('en')('chat:edu.refusal.emotion'));
  });

  it('still answers a question about fair grading', async () => {
    const { body } = await ask(open, { message: 'How do I design a fair rubric for a project about AI in my class?' });
    expect(body.answer).not.toContain(open.deps.i18n.forLang('en')('chat:edu.refusal.grade'));
  });

  it('never lets the public assistant quote the teachers’ documents', async () => {
    const response = await open.app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ message: 'What does the EU AI Act say about emotion recognition in schools?', lang: 'en' }),
    });
    const body = (await response.json()) as Reply;
    expect(body.sources.every((source) => !source.docId.startsWith('edu-'))).toBe(true);
  });
});

describe('EDU_ACCESS=codes', () => {
  it('answers 401 access_code_required without a valid code, lets a valid one in, and shuts a revoked one out', async () => {
    const missing = await ask(codes, { message: 'How can I explain machine learning to 12-year-olds?' });
    expect(missing.status).toBe(401);
    expect(missing.body.error!.code).toBe('access_code_required');
    // Worded in the language the body chose, whatever the browser's Accept-Language says.
    const french = await ask(codes, { message: 'Bonjour', lang: 'fr' }, 'en');
    expect(french.status).toBe(401);
    expect(french.body.error!.message).toBe(codes.deps.i18n.forLang('fr')('errors.access_code_required'));
    expect((await ask(codes, { message: 'How can I explain machine learning?', accessCode: 'AAAA-BBBB-CCCC-DDDD' })).status).toBe(401);

    const made = await createAccessCode(codes.deps, 'Lycée Test, 3e', 30);
    const typed = made.code.toLowerCase().replace(/-/g, ' ');
    const allowed = await ask(codes, { message: 'How can I explain machine learning to 12-year-olds?', accessCode: typed });
    expect(allowed.status).toBe(200);
    // Each message of the conversation carries the code: a revoked one stops it.
    await revokeCode(codes.deps, made.id);
    const response = await codes.app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${allowed.body.conversationToken}` },
      body: JSON.stringify({ message: 'And for 8-year-olds?', conversationId: allowed.body.conversationId, accessCode: made.code }),
    });
    expect(response.status).toBe(401);
    // The public assistant needs no code.
    expect((await codes.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ message: 'Hello' }) })).status).toBe(200);
  });
});
