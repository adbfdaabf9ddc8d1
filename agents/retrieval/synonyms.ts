// Query expansion over a small multilingual concept list. Pure.
//
// People ask with everyday words ("boss", "money", "town hall") where texts use the formal ones ("CEO", "budget",
// "public administration"). Each concept below groups the common words for one idea in each of the four languages;
// a query word that belongs to a concept brings in the concept's other words in the query's language. The list is
// deliberately general vocabulary (roles, money, public bodies, firms, training, work, health, climate, security,
// problems, announcements, competition, forecasting, membership, projects, points of contact, getting in touch, shortages, founding,
// flagships, pillars, population, prototypes, finished work, bias, disinformation, universities, computing power and resources, the European Union, who runs an organisation, the age of children, chatbots, using something, teachers, homework, names), not names or facts from the knowledge:
// it must make sense to a reader who has never seen the documents. Words are written naturally and normalised here
// like the index (case, diacritics, the Luxembourgish n-rule), one word per entry.
import type { Lang } from '../language/languages.ts';
import { normaliseForIndex } from './normalise.ts';

export type Concept = { concept: string } & Record<Lang, string[]>;

/**
 * What a synonym counts for where the word itself counts 1 (coverage, quotes, fusion, approved answers): it is the
 * concept list's guess at the visitor's idea, not their word ("public" for "ministry").
 */
export const AS_SYNONYM = 0.5;

export const CONCEPTS: Concept[] = [
  {
    concept: 'head of an organisation',
    en: ['head', 'chief', 'ceo', 'director', 'boss', 'leader', 'leads', 'manager', 'chairman', 'chairwoman', 'president'],
    fr: ['chef', 'dirige', 'dirigeant', 'dirigeante', 'directeur', 'directrice', 'pdg', 'ceo', 'président', 'présidente', 'patron'],
    de: ['Chef', 'Chefin', 'Leiter', 'Leiterin', 'leitet', 'Geschäftsführer', 'Geschäftsführerin', 'Direktor', 'Direktorin', 'CEO', 'Vorsitzender', 'Präsident'],
    lb: ['Chef', 'Cheffin', 'Leeder', 'Direkter', 'Direktesch', 'CEO', 'President', 'Presidentin', 'Patron'],
  },
  {
    concept: 'government and public bodies',
    en: ['government', 'governmental', 'minister', 'ministry', 'ministries', 'municipality', 'municipalities', 'commune', 'communes', 'administration', 'administrations', 'authority', 'authorities', 'state', 'public'],
    fr: ['gouvernement', 'gouvernemental', 'ministre', 'ministère', 'ministères', 'commune', 'communes', 'municipalité', 'administration', 'administrations', 'autorité', 'autorités', 'état', 'public', 'publique', 'publiques'],
    de: ['Regierung', 'Minister', 'Ministerin', 'Ministerium', 'Gemeinde', 'Gemeinden', 'Kommune', 'Verwaltung', 'Verwaltungen', 'Behörde', 'Behörden', 'Staat', 'staatlich', 'öffentlich', 'öffentliche', 'öffentlichen'],
    lb: ['Regierung', 'Minister', 'Ministesch', 'Ministère', 'Gemeng', 'Gemengen', 'Verwaltung', 'Administratioun', 'Administratiounen', 'Autoritéit', 'Staat', 'staatlech', 'ëffentlech', 'ëffentlechen', 'ëffentlechem'],
  },
  {
    concept: 'money',
    en: ['money', 'budget', 'funds', 'funding', 'financing', 'investment', 'investments', 'capital', 'euros', 'million', 'millions', 'cost', 'costs', 'spending', 'grant', 'grants', 'subsidy', 'subsidies'],
    fr: ['argent', 'budget', 'fonds', 'financement', 'investissement', 'investissements', 'capital', 'capitaux', 'euros', 'million', 'millions', 'coût', 'coûts', 'dépenses', 'subvention', 'subventions'],
    de: ['Geld', 'Budget', 'Mittel', 'Finanzierung', 'Investition', 'Investitionen', 'Kapital', 'Euro', 'Million', 'Millionen', 'Kosten', 'Ausgaben', 'Förderung', 'Fördermittel', 'Fördergelder', 'Zuschuss', 'Zuschüsse', 'Subventionen'],
    lb: ['Geld', 'Budget', 'Mëttel', 'Finanzéierung', 'Investitioun', 'Investitiounen', 'Kapital', 'Euro', 'Millioun', 'Milliounen', 'Käschten', 'Ausgaben', 'Fërderung', 'Fërdermëttel', 'Fërdergelder', 'Subsiden', 'Subventiounen'],
  },
  {
    concept: 'climate and environment',
    en: ['climate', 'warming', 'environment', 'environmental', 'emissions', 'carbon', 'sustainability', 'sustainable', 'green'],
    fr: ['climat', 'climatique', 'réchauffement', 'environnement', 'environnemental', 'émissions', 'carbone', 'durabilité', 'durable', 'vert', 'verte'],
    de: ['Klima', 'Klimaschutz', 'Klimawandel', 'Erwärmung', 'Umwelt', 'Emissionen', 'CO2', 'Nachhaltigkeit', 'nachhaltig', 'grün', 'grüne'],
    lb: ['Klima', 'Klimaschutz', 'Klimawandel', 'Erwiermung', 'Ëmwelt', 'Emissiounen', 'CO2', 'Nohaltegkeet', 'nohalteg', 'gréng'],
  },
  {
    concept: 'company',
    en: ['company', 'companies', 'firm', 'firms', 'business', 'businesses', 'enterprise', 'enterprises', 'sme', 'smes', 'employer', 'employers'],
    fr: ['entreprise', 'entreprises', 'société', 'sociétés', 'firme', 'firmes', 'pme', 'employeur', 'employeurs'],
    de: ['Firma', 'Firmen', 'Unternehmen', 'Betrieb', 'Betriebe', 'KMU', 'Arbeitgeber'],
    lb: ['Firma', 'Firmen', 'Betrib', 'Betriber', 'Entreprise', 'Entreprisen', 'KMU', 'Patronat', 'Aarbechtgeber'],
  },
  {
    concept: 'large companies and market players',
    en: ['giant', 'giants', 'corporation', 'corporations', 'player', 'players', 'multinational', 'multinationals'],
    fr: ['géant', 'géants', 'groupe', 'groupes', 'acteur', 'acteurs', 'multinationale', 'multinationales'],
    de: ['Riese', 'Riesen', 'Konzern', 'Konzerne', 'Akteur', 'Akteure', 'Akteuren', 'Spieler', 'Multi'],
    lb: ['Ris', 'Risen', 'Konzern', 'Konzerner', 'Akteur', 'Akteuren', 'Spiller', 'Multinational'],
  },
  {
    concept: 'training and education',
    en: ['training', 'course', 'courses', 'education', 'learning', 'upskilling', 'reskilling', 'workshop', 'workshops', 'degree', 'degrees', 'diploma', 'studies'],
    fr: ['formation', 'formations', 'cours', 'enseignement', 'apprentissage', 'atelier', 'ateliers', 'diplôme', 'diplômes', 'diplômant', 'diplômante', 'diplômantes', 'études'],
    de: ['Schulung', 'Schulungen', 'Weiterbildung', 'Kurs', 'Kurse', 'Ausbildung', 'Bildung', 'Workshop', 'Workshops', 'Studium', 'Studiengang', 'Studiengänge', 'Abschluss'],
    lb: ['Formatioun', 'Formatiounen', 'Cours', 'Weiderbildung', 'Ausbildung', 'Bildung', 'Workshop', 'Workshoppen', 'Studium', 'Studien', 'Diplom'],
  },
  {
    concept: 'work and employment',
    en: ['job', 'jobs', 'employment', 'employee', 'employees', 'staff', 'personnel', 'workforce', 'workers', 'labour', 'labor', 'recruitment', 'hiring', 'skills', 'qualifications'],
    fr: ['emploi', 'emplois', 'travail', 'métier', 'métiers', 'salariés', 'employé', 'employés', 'personnel', 'collaborateurs', 'travailleurs', 'recrutement', 'embauche', 'compétences', 'qualifications'],
    de: ['Job', 'Jobs', 'Arbeit', 'Arbeitsmarkt', 'Jobmarkt', 'Beschäftigung', 'Arbeitskräfte', 'Fachkräfte', 'Beschäftigte', 'Mitarbeiter', 'Mitarbeiterin', 'Mitarbeitende', 'Angestellte', 'Belegschaft', 'Stellen', 'Personal', 'Kompetenzen', 'Qualifikationen'],
    lb: ['Job', 'Jobs', 'Aarbecht', 'Aarbechtsmaart', 'Jobmaart', 'Beschäftegung', 'Aarbechtskräften', 'Fachkräften', 'Salariéen', 'Mataarbechter', 'Mataarbechterin', 'Personal', 'Kompetenzen', 'Qualifikatiounen'],
  },
  {
    concept: 'health',
    en: ['health', 'healthcare', 'medical', 'medicine', 'hospital', 'hospitals', 'patient', 'patients', 'clinical'],
    fr: ['santé', 'médical', 'médicale', 'médecine', 'hôpital', 'hôpitaux', 'patient', 'patients', 'soins', 'clinique'],
    de: ['Gesundheit', 'Gesundheitswesen', 'Medizin', 'medizinisch', 'medizinische', 'Krankenhaus', 'Krankenhäuser', 'Klinik', 'Patient', 'Patienten'],
    lb: ['Gesondheet', 'Gesondheetswiesen', 'Medezin', 'medezinesch', 'Spidol', 'Spideeler', 'Klinik', 'Patient', 'Patienten'],
  },
  {
    concept: 'security',
    en: ['security', 'cybersecurity', 'cyber', 'safety', 'attack', 'attacks', 'threat', 'threats', 'hacking'],
    fr: ['sécurité', 'cybersécurité', 'cyber', 'sûreté', 'attaque', 'attaques', 'menace', 'menaces', 'piratage'],
    de: ['Sicherheit', 'Cybersicherheit', 'Cyber', 'Angriff', 'Angriffe', 'Bedrohung', 'Bedrohungen', 'Hacker'],
    lb: ['Sécherheet', 'Cybersécherheet', 'Cyber', 'Ugrëff', 'Ugrëffer', 'Bedrohung', 'Bedrohungen', 'Hacker'],
  },
  {
    concept: 'problem and obstacle',
    en: ['problem', 'problems', 'obstacle', 'obstacles', 'barrier', 'barriers', 'hurdle', 'hurdles', 'challenge', 'challenges', 'difficulty', 'difficulties'],
    fr: ['problème', 'problèmes', 'obstacle', 'obstacles', 'frein', 'freins', 'barrière', 'barrières', 'défi', 'défis', 'difficulté', 'difficultés'],
    de: ['Problem', 'Probleme', 'Hindernis', 'Hindernisse', 'Hürde', 'Hürden', 'Barriere', 'Barrieren', 'Herausforderung', 'Herausforderungen', 'Schwierigkeit', 'Schwierigkeiten'],
    lb: ['Problem', 'Problemer', 'Hindernis', 'Hindernisser', 'Hürd', 'Hürden', 'Barrière', 'Barrièren', 'Erausfuerderung', 'Erausfuerderungen', 'Schwieregkeet', 'Schwieregkeeten'],
  },
  {
    concept: 'announcement and launch',
    en: ['announce', 'announced', 'announcement', 'launch', 'launched', 'unveil', 'unveiled', 'presented', 'inaugurated'],
    fr: ['annonce', 'annoncer', 'annoncé', 'annoncée', 'lancement', 'lancer', 'lancé', 'lancée', 'dévoiler', 'dévoilé', 'dévoilée', 'présenter', 'présenté', 'présentée', 'inauguré', 'nouveautés'],
    de: ['ankündigen', 'angekündigt', 'Ankündigung', 'gestartet', 'lanciert', 'vorstellen', 'vorgestellt', 'präsentiert', 'eröffnet', 'Neuigkeiten', 'Neuigkeit'],
    lb: ['ukënnegen', 'ugekënnegt', 'Ukënnegung', 'lancéiert', 'virstellen', 'virgestallt', 'presentéiert', 'agefouert', 'Neiegkeeten', 'Neiegkeet'],
  },
  {
    concept: 'competition',
    en: ['compete', 'competing', 'competition', 'competitive', 'competitiveness', 'rival', 'rivals'],
    fr: ['concurrence', 'concurrencer', 'concurrentiel', 'compétitif', 'compétitivité', 'rivaliser', 'rival'],
    de: ['konkurrieren', 'Konkurrenz', 'Wettbewerb', 'wettbewerbsfähig', 'Wettbewerbsfähigkeit', 'mithalten', 'rivalisieren'],
    lb: ['konkurréieren', 'Konkurrenz', 'Concurrence', 'kompetitiv', 'Kompetitivitéit', 'mathalen', 'rivaliséieren'],
  },
  {
    concept: 'forecasting',
    en: ['predict', 'predicting', 'prediction', 'predictive', 'forecast', 'forecasting', 'anticipate', 'foresee'],
    fr: ['prévoir', 'prédire', 'prédictif', 'prédictifs', 'prévision', 'prévisions', 'anticiper', 'anticipation'],
    de: ['vorhersagen', 'Vorhersage', 'Prognose', 'Prognosen', 'prognostizieren', 'vorausschauend', 'antizipieren'],
    lb: ['viraussoen', 'Prognos', 'Prognosen', 'prognostizéieren', 'virausschaffend', 'prediktiv', 'antizipéieren'],
  },
  {
    concept: 'membership and participation',
    en: ['involved', 'participate', 'participates', 'participation', 'partner', 'partners', 'member', 'members', 'consortium'],
    fr: ['impliqué', 'participer', 'participe', 'participation', 'partenaire', 'partenaires', 'membre', 'membres', 'consortium'],
    de: ['beteiligt', 'beteiligen', 'Beteiligung', 'teilnehmen', 'Partner', 'Mitglied', 'Mitglieder', 'Konsortium'],
    lb: ['bedeelegt', 'Bedeelegung', 'deelhuelen', 'Partner', 'Member', 'Memberen', 'Konsortium'],
  },
  {
    concept: 'project and initiative',
    en: ['project', 'projects', 'initiative', 'initiatives', 'programme', 'programmes', 'program', 'scheme'],
    fr: ['projet', 'projets', 'initiative', 'initiatives', 'programme', 'programmes', 'dispositif'],
    de: ['Projekt', 'Projekte', 'Initiative', 'Initiativen', 'Programm', 'Programme', 'Vorhaben'],
    lb: ['Projet', 'Projeten', 'Initiativ', 'Initiativen', 'Programm', 'Programmer', 'Virhaben'],
  },
  {
    concept: 'point of contact',
    en: ['entry', 'gateway', 'interlocutor'],
    fr: ['interlocuteur', 'interlocutrice', 'guichet', 'entrée'],
    de: ['Ansprechpartner', 'Ansprechpartnerin', 'Anlaufstelle', 'Kontaktstelle', 'Einstiegspunkt'],
    lb: ['Uspriechpartner', 'Uspriechpartnerin', 'Kontaktstell', 'Entréespunkt', 'Guichet', 'Ulafstell'],
  },
  {
    concept: 'getting in touch',
    en: ['contact', 'touch', 'reach', 'talk'],
    fr: ['contacter', 'joindre', 'contact', 'téléphoner'],
    de: ['kontaktieren', 'Kontakt', 'melden', 'anrufen'],
    lb: ['kontaktéieren', 'Kontakt', 'mellen', 'uruffen', 'urufen'],
  },
  {
    concept: 'lack and shortage',
    en: ['lack', 'lacking', 'shortage', 'shortages', 'missing', 'scarcity'],
    fr: ['manque', 'manquent', 'pénurie', 'pénuries', 'déficit'],
    de: ['Mangel', 'mangelnde', 'fehlen', 'fehlende', 'fehlenden', 'Knappheit', 'Engpass'],
    lb: ['Mangel', 'Manktem', 'feelen', 'feelend', 'feelenden', 'Knappheet'],
  },
  {
    concept: 'founding and creation',
    en: ['founded', 'founding', 'created', 'creation', 'established', 'establishment', 'formed'],
    fr: ['fondé', 'fondée', 'fondation', 'créé', 'créée', 'création', 'établi', 'établie'],
    de: ['gegründet', 'Gründung', 'geschaffen', 'Schaffung', 'errichtet', 'entstanden', 'Entstehung'],
    lb: ['gegrënnt', 'Grënnung', 'geschaf', 'Schafung', 'opgeriicht', 'entstanen', 'Entstoe'],
  },
  {
    concept: 'flagship and showcase',
    en: ['flagship', 'flagships', 'showcase', 'lighthouse', 'landmark'],
    fr: ['phare', 'phares', 'emblématique', 'emblématiques', 'vitrine'],
    de: ['Leuchtturm', 'Leuchtturmprojekt', 'Leuchtturmprojekte', 'Vorzeigeprojekt', 'Vorzeigeprojekte', 'Flaggschiff', 'Flaggschiffprojekt', 'Flaggschiffprojekte'],
    lb: ['Leuchtturm', 'Leuchtturmprojet', 'Leuchtturmprojeten', 'Flaggschëff', 'Flaggschëffprojet', 'Flaggschëffprojeten', 'Virzeigeprojet'],
  },
  {
    concept: 'pillar of an offer',
    en: ['pillar', 'pillars', 'strand', 'strands'],
    fr: ['pilier', 'piliers', 'volet', 'volets'],
    de: ['Säule', 'Säulen', 'Pfeiler'],
    lb: ['Pilier', 'Piliere', 'Säul', 'Säulen'],
  },
  {
    concept: 'prototype',
    en: ['prototype', 'prototypes', 'poc', 'pilot', 'mvp'],
    fr: ['prototype', 'prototypes', 'poc', 'pilote', 'maquette'],
    de: ['Prototyp', 'Prototypen', 'PoC', 'Pilotprojekt', 'Pilot'],
    lb: ['Prototyp', 'Prototyppen', 'PoC', 'Pilotprojet'],
  },
  {
    concept: 'finished',
    en: ['finished', 'completed', 'complete', 'done'],
    fr: ['fini', 'finie', 'terminé', 'terminée', 'achevé', 'achevée'],
    de: ['fertig', 'fertiggestellt', 'abgeschlossen', 'beendet'],
    lb: ['fäerdeg', 'ofgeschloss', 'ofgeschloen'],
  },
  {
    concept: 'bias',
    en: ['bias', 'biases', 'biased', 'prejudice', 'prejudices'],
    fr: ['biais', 'préjugé', 'préjugés', 'partialité'],
    de: ['Bias', 'Verzerrung', 'Verzerrungen', 'voreingenommen', 'voreingenommene', 'Voreingenommenheit', 'Vorurteile'],
    lb: ['Bias', 'Virurteel', 'Virurteeler', 'Verzerrung', 'Verzerrungen'],
  },
  {
    concept: 'disinformation',
    en: ['disinformation', 'misinformation', 'fake', 'hoaxes'],
    fr: ['désinformation', 'infox', 'intox', 'fake'],
    de: ['Desinformation', 'Falschnachrichten', 'Falschinformationen', 'Fake'],
    lb: ['Desinformatioun', 'Falschnoriichten', 'Fake'],
  },
  {
    concept: 'university',
    en: ['university', 'universities', 'uni'],
    fr: ['université', 'universités', 'uni'],
    de: ['Universität', 'Universitäten', 'Uni'],
    lb: ['Universitéit', 'Universitéiten', 'Uni'],
  },
  {
    concept: 'computing power',
    en: ['powerful', 'faster', 'performance'],
    fr: ['puissant', 'puissance', 'performant', 'performances'],
    de: ['leistungsfähig', 'leistungsfähiger', 'schneller', 'Leistung'],
    lb: ['performant', 'staark', 'séierer', 'Leeschtung'],
  },
  {
    concept: 'the European Union',
    en: ['EU', 'European', 'Union'],
    fr: ['UE', 'européenne', 'européen', 'européens'],
    de: ['EU', 'europäisch', 'europäische', 'europäischen', 'europäischer'],
    lb: ['EU', 'europäesch', 'europäesche', 'europäeschen', 'europäescher'],
  },
  // Not "GPU": the knowledge gives no figures on GPUs, and a question about them is not answered by a computer's name.
  {
    concept: 'computing resources',
    en: ['compute', 'computing', 'supercomputer', 'supercomputing', 'hpc', 'cluster'],
    fr: ['calcul', 'supercalculateur', 'superordinateur', 'hpc', 'cluster'],
    de: ['Rechenzeit', 'Rechenleistung', 'Rechenkapazität', 'Rechner', 'Großrechner', 'Superrechner', 'Supercomputer', 'Hochleistungsrechnen', 'HPC', 'Cluster'],
    lb: ['Rechenzäit', 'Rechenleeschtung', 'Rechner', 'Groussrechner', 'Superrechner', 'Supercomputer', 'HPC', 'Cluster'],
  },
  {
    concept: 'age of children',
    en: ['age', 'ages', 'aged', 'olds'],
    fr: ['âge', 'âgés', 'âgées', 'ans'],
    de: ['Alter', 'jährige', 'jährigen'],
    lb: ['Alter', 'järeg', 'järegen'],
  },
  {
    concept: 'running an organisation',
    en: ['behind', 'owner', 'owners', 'runs', 'operates', 'operated', 'operator'],
    fr: ['gère', 'gèrent', 'gérer', 'géré', 'gérée', 'exploite', 'exploitent', 'exploité', 'exploitée', 'exploitant', 'derrière'],
    de: ['betreibt', 'betreiben', 'betrieben', 'Betreiber', 'steckt', 'stecken', 'dahinter', 'verwaltet'],
    lb: ['bedreift', 'bedreiwen', 'bedriwwen', 'Bedreiwer', 'stécht', 'stiechen', 'dohannert', 'hannert', 'geréiert'],
  },
  // People name a chatbot by the one they know: "ChatGPT" asks about chatbots, not about that product's facts.
  {
    concept: 'chatbots',
    en: ['chatbot', 'chatbots', 'chatgpt', 'copilot'],
    fr: ['chatbot', 'chatbots', 'chatgpt', 'copilot'],
    de: ['Chatbot', 'Chatbots', 'ChatGPT', 'Copilot'],
    lb: ['Chatbot', 'Chatbots', 'ChatGPT', 'Copilot'],
  },
  {
    concept: 'using something',
    en: ['use', 'uses', 'using', 'utilise', 'employ'],
    fr: ['utiliser', 'utilise', 'utilisent', 'employer', 'servir'],
    de: ['nutzen', 'nutzt', 'benutzen', 'benutzt', 'verwenden', 'verwendet'],
    lb: ['notzen', 'notzt', 'benotzen', 'benotzt', 'gebrauchen'],
  },
  {
    concept: 'teachers',
    en: ['teacher', 'teachers', 'educator', 'educators'],
    fr: ['enseignant', 'enseignante', 'enseignants', 'enseignantes', 'professeur', 'professeurs', 'prof', 'profs', 'instituteur', 'institutrice'],
    de: ['Lehrer', 'Lehrerin', 'Lehrerinnen', 'Lehrkraft', 'Lehrkräfte', 'Lehrperson', 'Lehrpersonen'],
    lb: ['Enseignant', 'Enseignanten', 'Enseignantin', 'Léierpersoun', 'Léierpersounen', 'Schoulmeeschter', 'Joffer', 'Proff'],
  },
  {
    concept: 'exercises and homework',
    en: ['exercise', 'exercises', 'homework', 'assignment', 'assignments'],
    fr: ['exercice', 'exercices', 'devoir', 'devoirs'],
    de: ['Übung', 'Übungen', 'Hausaufgabe', 'Hausaufgaben'],
    lb: ['Übung', 'Übungen', 'Hausaufgab', 'Hausaufgaben', 'Devoir', 'Devoiren'],
  },
  {
    concept: 'a name',
    en: ['name', 'named', 'called'],
    fr: ['nom', 'nommé', 'nommée', 'appelle', 'appelé', 'appelée', 'intitulé', 'intitulée'],
    de: ['Name', 'Namen', 'heißt', 'genannt'],
    lb: ['Numm', 'Nimm', 'heescht', 'genannt'],
  },
  {
    concept: 'population and citizens',
    en: ['population', 'citizens', 'residents', 'inhabitants'],
    fr: ['population', 'citoyens', 'citoyennes', 'habitants', 'résidents'],
    de: ['Bevölkerung', 'Population', 'Bürger', 'Bürgerinnen', 'Einwohner', 'Einwohnerinnen'],
    lb: ['Bevëlkerung', 'Populatioun', 'Bierger', 'Biergerinnen', 'Awunner'],
  },
];

/** Normalised word → the normalised words of every concept it belongs to. */
type ConceptIndex = Map<string, string[][]>;
let indexes: Record<Lang, ConceptIndex> | undefined;

/** The concept index per language; built once, with every word normalised once (a turn expands terms several times). */
function conceptIndex(lang: Lang): ConceptIndex {
  indexes ??= Object.fromEntries(
    (['en', 'fr', 'de', 'lb'] as const).map((l) => {
      const index: ConceptIndex = new Map();
      for (const concept of CONCEPTS) {
        const words = concept[l].map((word) => normaliseForIndex(word, l));
        for (const word of words) index.set(word, [...(index.get(word) ?? []), words]);
      }
      return [l, index];
    }),
  ) as Record<Lang, ConceptIndex>;
  return indexes[lang];
}

/**
 * The words a query's terms imply through the concept list, in the query's language: the other members of every
 * concept one of the terms belongs to, without the terms themselves and without duplicates.
 */
export function expandTerms(terms: string[], lang: Lang): string[] {
  const index = conceptIndex(lang);
  const have = new Set(terms);
  const extra = new Set<string>();
  for (const term of terms) {
    for (const words of index.get(term) ?? []) {
      for (const word of words) if (!have.has(word)) extra.add(word);
    }
  }
  return [...extra];
}
