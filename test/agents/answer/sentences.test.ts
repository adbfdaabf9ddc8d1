import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describesItsPage, opensWithReference, splitSentences } from '../../../agents/answer/sentences.ts';
import { LANGS, type Lang } from '../../../agents/language/languages.ts';
import { parseDocument, splitSections } from '../../../agents/retrieval/document.ts';

const knowledge = new URL('../../../knowledge/', import.meta.url);
const sectionsOf = (lang: Lang) =>
  readdirSync(new URL(`${lang}/`, knowledge)).flatMap((file) => {
    const doc = parseDocument(readFileSync(new URL(`${lang}/${file}`, knowledge), 'utf8'), file);
    return splitSections(doc.body, doc.title).map((section) => section.text);
  });

describe('splitSentences', () => {
  it.each<[Lang, string, string[]]>([
    ['en', 'The catalogue was launched on 2 December 2025. It has 6 pillars.', ['The catalogue was launched on 2 December 2025.', 'It has 6 pillars.']],
    ['en', 'Dr. Smith leads the team. She joined in 2024.', ['Dr. Smith leads the team.', 'She joined in 2024.']],
    ['en', 'Mr. Grotz and Mrs. Obertin spoke. Both agreed.', ['Mr. Grotz and Mrs. Obertin spoke.', 'Both agreed.']],
    ['en', 'Start small, e.g. Chatbots for support. Then scale.', ['Start small, e.g. Chatbots for support.', 'Then scale.']],
    ['en', 'Two pillars, i.e. Finance and Connect, help. Others train.', ['Two pillars, i.e. Finance and Connect, help.', 'Others train.']],
    ['en', 'The new machine is 1.5 times faster. Nobody doubts it.', ['The new machine is 1.5 times faster.', 'Nobody doubts it.']],
    ['en', 'Read https://www.luxinnovation.lu/ai-factory.html first. Then call us.', ['Read https://www.luxinnovation.lu/ai-factory.html first.', 'Then call us.']],
    ['en', 'It serves SMEs, start-ups, etc. and public bodies. The list goes on.', ['It serves SMEs, start-ups, etc. and public bodies.', 'The list goes on.']],
    // A one-word answer stays with the sentence that explains it: quoted alone, "Ja." said nothing.
    ['en', 'See No. 5 in the list. No. It is not there.', ['See No. 5 in the list.', 'No. It is not there.']],
    ['de', 'Ja. Die Säule Finance hilft. Sie senkt das Risiko.', ['Ja. Die Säule Finance hilft.', 'Sie senkt das Risiko.']],
    ['en', 'They met in St. Gallen. It rained.', ['They met in St. Gallen.', 'It rained.']],
    ['en', '- LuxProvide runs MeluXina;\n- LNDS opens up data.\n\nBoth are members.', ['LuxProvide runs MeluXina; LNDS opens up data.', 'Both are members.']],
    ['fr', 'Le catalogue a été présenté le 2 décembre 2025. Il compte 6 piliers.', ['Le catalogue a été présenté le 2 décembre 2025.', 'Il compte 6 piliers.']],
    ['fr', 'M. Delles a pris la parole. Il a salué le projet.', ['M. Delles a pris la parole.', 'Il a salué le projet.']],
    ['fr', 'Des agences, p. ex. Luxinnovation, orientent les PME. Elles aident.', ['Des agences, p. ex. Luxinnovation, orientent les PME.', 'Elles aident.']],
    ['fr', 'Le Dr. Weber dirige l’équipe. Il a parlé.', ['Le Dr. Weber dirige l’équipe.', 'Il a parlé.']],
    ['fr', 'Les PME, les start-up, etc. peuvent candidater. La liste est ouverte.', ['Les PME, les start-up, etc. peuvent candidater.', 'La liste est ouverte.']],
    ['fr', 'Le taux atteint 1.5 %. Il progresse.', ['Le taux atteint 1.5 %.', 'Il progresse.']],
    ['fr', 'Voir https://www.luxinnovation.lu/fr. Puis appelez-nous.', ['Voir https://www.luxinnovation.lu/fr.', 'Puis appelez-nous.']],
    ['fr', 'Le 1er janvier 2026, le service démarre. Il est gratuit.', ['Le 1er janvier 2026, le service démarre.', 'Il est gratuit.']],
    ['fr', 'Il a étudié à St. Gallen. Il travaille au Luxembourg.', ['Il a étudié à St. Gallen.', 'Il travaille au Luxembourg.']],
    ['fr', 'MM. Grotz et Lambert ont parlé. Mme Obertin aussi.', ['MM. Grotz et Lambert ont parlé.', 'Mme Obertin aussi.']],
    ['fr', 'Dans « vrai ou faux ? », les élèves examinent des images. Ils discutent.', ['Dans « vrai ou faux ? », les élèves examinent des images.', 'Ils discutent.']],
    ['fr', 'L’âge ne peut pas être inférieur à 13 ans (RGPD, art. 8(1)). L’école vérifie.', ['L’âge ne peut pas être inférieur à 13 ans (RGPD, art. 8(1)).', 'L’école vérifie.']],
    ['fr', 'Voir l’art. 5, al. 2 du texte. Il est clair.', ['Voir l’art. 5, al. 2 du texte.', 'Il est clair.']],
    ['de', 'Der Katalog wurde am 2. Dezember 2025 vorgestellt. Er umfasst 6 Säulen.', ['Der Katalog wurde am 2. Dezember 2025 vorgestellt.', 'Er umfasst 6 Säulen.']],
    ['de', 'Das gilt z. B. für kleine Firmen. Andere folgen.', ['Das gilt z. B. für kleine Firmen.', 'Andere folgen.']],
    ['de', 'Die Frist endet am 1. Januar. Danach ist es zu spät.', ['Die Frist endet am 1. Januar.', 'Danach ist es zu spät.']],
    ['de', 'Am 15. März begann die 3. Phase. Sie dauert an.', ['Am 15. März begann die 3. Phase.', 'Sie dauert an.']],
    ['de', 'Die Säule Nr. 3 Build & Test hilft. Gut so.', ['Die Säule Nr. 3 Build & Test hilft.', 'Gut so.']],
    ['de', 'Dr. Müller leitet das Team. Sie ist neu.', ['Dr. Müller leitet das Team.', 'Sie ist neu.']],
    ['de', 'KMU, Start-ups usw. profitieren davon. Das ist gut.', ['KMU, Start-ups usw. profitieren davon.', 'Das ist gut.']],
    ['de', 'Das betrifft Daten bzw. Modelle. Beides zählt.', ['Das betrifft Daten bzw. Modelle.', 'Beides zählt.']],
    ['de', 'Die Zahl stieg um 1.5 Prozent. Das ist viel.', ['Die Zahl stieg um 1.5 Prozent.', 'Das ist viel.']],
    ['de', 'Mehr unter https://www.luxinnovation.lu/de. Dann anrufen.', ['Mehr unter https://www.luxinnovation.lu/de.', 'Dann anrufen.']],
    ['de', 'Das Budget beträgt 5 Mio. Euro. Es ist knapp.', ['Das Budget beträgt 5 Mio. Euro.', 'Es ist knapp.']],
    ['de', 'LNDS gibt es seit 2022. Das DFKI kam später.', ['LNDS gibt es seit 2022.', 'Das DFKI kam später.']],
    ['lb', 'De Katalog gouf den 2. Dezember 2025 virgestallt. En huet 6 Pilieren.', ['De Katalog gouf den 2. Dezember 2025 virgestallt.', 'En huet 6 Pilieren.']],
    ['lb', 'Dat gëllt z. B. fir kleng Betriber. Aner kommen duerno.', ['Dat gëllt z. B. fir kleng Betriber.', 'Aner kommen duerno.']],
    ['lb', 'Bis den 1. Januar. Dono ass et ze spéit.', ['Bis den 1. Januar.', 'Dono ass et ze spéit.']],
    ['lb', 'Den 29. Oktober 2025 hu si sech getraff. Et war gutt.', ['Den 29. Oktober 2025 hu si sech getraff.', 'Et war gutt.']],
    ['lb', 'De Pilier Nr. 3 Build & Test hëlleft. Gutt esou.', ['De Pilier Nr. 3 Build & Test hëlleft.', 'Gutt esou.']],
    ['lb', 'Den Dr. Schmit leet d’Team. Si ass nei.', ['Den Dr. Schmit leet d’Team.', 'Si ass nei.']],
    ['lb', 'Dat betrëfft Donnéeën bzw. Modeller. Béides zielt.', ['Dat betrëfft Donnéeën bzw. Modeller.', 'Béides zielt.']],
    ['lb', 'D’Zuel ass ëm 1.5 Prozent geklommen. Dat ass vill.', ['D’Zuel ass ëm 1.5 Prozent geklommen.', 'Dat ass vill.']],
    ['lb', 'Méi op https://www.luxinnovation.lu/lb. Dann urufen.', ['Méi op https://www.luxinnovation.lu/lb.', 'Dann urufen.']],
    ['lb', 'De Budget ass 5 Mio. Euro. Et ass knapp.', ['De Budget ass 5 Mio. Euro.', 'Et ass knapp.']],
    ['lb', 'LNDS gëtt et zanter 2022. Den DFKI koum méi spéit.', ['LNDS gëtt et zanter 2022.', 'Den DFKI koum méi spéit.']],
    ['de', 'Bei „Ist das erlaubt?“ ordnen sie Fälle ein. Dann folgt eine Debatte.', ['Bei „Ist das erlaubt?“ ordnen sie Fälle ein.', 'Dann folgt eine Debatte.']],
    ['fr', 'Le jeu « Qui a écrit ça ? » est ludique. Il dure une heure.', ['Le jeu « Qui a écrit ça ? » est ludique.', 'Il dure une heure.']],
    ['en', 'Ask "is this allowed?" before you start! Then decide.', ['Ask "is this allowed?" before you start!', 'Then decide.']],
    ['lb', "Wat ass dat? d'Äntwert kënnt direkt.", ['Wat ass dat?', "d'Äntwert kënnt direkt."]],
  ])('splits %s text at sentence ends only: %s', (lang, text, expected) => {
    expect(splitSentences(text, lang)).toEqual(expected);
  });

  it('drops the period that starts a chunk cut after a sentence', () => {
    expect(splitSentences('. Les intervenants ont convenu. Ils ont conclu.', 'fr')).toEqual(['Les intervenants ont convenu.', 'Ils ont conclu.']);
  });

  it.each(LANGS)('loses no text of the %s knowledge and never cuts a date after its day number', (lang) => {
    // A sentence may well end on a number ("not below 13."); a date cut in two leaves the next one opening with a month.
    const month = new Intl.DateTimeFormat(lang, { month: 'long' });
    const months = Array.from({ length: 12 }, (_, m) => month.format(new Date(Date.UTC(2026, m, 15))).toLowerCase());
    for (const section of sectionsOf(lang)) {
      const sentences = splitSentences(section, lang);
      expect(sentences.join(' ')).toBe(section.replace(/^\s*[-*]\s+/gm, '').replace(/\s+/g, ' ').trim());
      const cut = sentences.filter((sentence, i) => /(?:^|\s)\d{1,2}\.$/.test(sentence) && months.includes(sentences[i + 1]?.split(/\s/)[0]!.toLowerCase() ?? ''));
      expect(cut).toEqual([]);
    }
  });

  it('keeps together the German and Luxembourgish dates that the plain segmenter splits', () => {
    const plain = new Intl.Segmenter('de', { granularity: 'sentence' });
    const endsOnDay = (sentence: string) => /(?:^|\s)\d{1,2}\.\s*$/.test(sentence);
    for (const lang of ['de', 'lb'] as const) {
      const split = sectionsOf(lang).filter((section) => [...plain.segment(section)].some((s) => endsOnDay(s.segment)));
      expect(split.length).toBeGreaterThan(0);
      for (const section of split) expect(splitSentences(section, lang).filter(endsOnDay)).toEqual([]);
    }
  });
});

describe('opensWithReference', () => {
  it.each<[Lang, string, boolean]>([
    ['en', 'Both tools are free for SMEs.', true],
    ['en', 'It is run by LuxProvide.', true],
    ['en', 'These pillars cover the whole lifecycle.', true],
    ['en', 'Together, these pillars follow a project.', true],
    ['en', 'In addition, the pillar offers mentoring.', true],
    ['en', 'The Luxembourg AI Factory is a national platform.', false],
    ['en', 'MeluXina is the national supercomputer.', false],
    ['en', 'Items on the list are free.', false],
    ['fr', 'Ces outils sont gratuits.', true],
    ['fr', 'Elle a été annoncée à la fin de 2024.', true],
    ['fr', 'De plus, le pilier propose du mentorat.', true],
    ['fr', 'Comme elle réduit le risque financier, cette aide compte surtout pour les PME.', true],
    ['de', 'Da sie das finanzielle Risiko senkt, zählt diese Hilfe vor allem für KMU.', true],
    ['lb', 'Well si de finanzielle Risiko reduzéiert, zielt dës Hëllef virun allem fir KMUen.', true],
    ['fr', 'Les deux partenaires animent des ateliers.', true],
    ['fr', 'Celle-ci traduit une forte volonté.', true],
    ['fr', 'La Luxembourg AI Factory est une plateforme.', false],
    ['fr', 'Les partenaires animent des ateliers.', false],
    ['fr', 'Cependant, le budget reste inconnu.', true],
    ['de', 'Außerdem bietet die Säule Mentoring an.', true],
    ['de', 'Diese Säulen decken den Lebenszyklus ab.', true],
    ['de', 'Er wird von LuxProvide betrieben.', true],
    ['de', 'Beide Partner bieten Workshops an.', true],
    ['de', 'Darüber hinaus gibt es Webinare.', true],
    ['de', 'Der Supercomputer steht in Luxemburg.', false],
    ['de', 'Die Säule Finance hilft bei Förderungen.', false],
    ['de', 'Dieselben Regeln gelten überall.', false],
    ['lb', 'Dës Tools si gratis.', true],
    ['lb', 'Hien deckt d’Phas bis zur Produktioun of.', true],
    ['lb', 'Ausserdeem gëtt et Mentoring.', true],
    ['lb', 'Béid Partner bidden Workshoppen un.', true],
    ['lb', 'Zesumme decken dës Pilieren alles of.', true],
    ['lb', 'Déi national KI-Strategie huet 3 Pfeiler.', false],
    ['lb', 'D’Luxembourg AI Factory ass eng Plattform.', false],
    ['lb', 'Dat éischt Zilprofil sinn d’KI-Entwéckler.', false],
  ])('in %s, "%s" → %s', (lang, sentence, expected) => {
    expect(opensWithReference(sentence, lang)).toBe(expected);
  });
});

describe('describesItsPage', () => {
  it.each<[Lang, string, boolean]>([
    ['en', 'This guide explains who can ask for support and where to start.', true],
    ['fr', 'Cette page résume ce que dit le règlement, article par article.', true],
    ['de', 'Dieser Leitfaden erklärt, wer Unterstützung beantragen kann.', true],
    ['lb', 'Dës Säit beäntwert heefeg Froen iwwer d’AI Factory.', true],
    ['en', 'The guide to the AI Act is published by the Commission.', false],
    ['fr', 'La page de Luxinnovation donne les coordonnées.', false],
  ])('%s "%s": %s', (lang, sentence, expected) => {
    expect(describesItsPage(sentence, lang)).toBe(expected);
  });
});
