// Capitalised words that can follow "my pupil…" without being a name, in the four languages.
export const NOT_NAMES: readonly string[] = [
  // languages
  'English', 'French', 'German', 'Luxembourgish', 'Portuguese', 'Italian', 'Spanish', 'Dutch', 'Français', 'Anglais', 'Allemand',
  'Luxembourgeois', 'Portugais', 'Italien', 'Espagnol', 'Deutsch', 'Französisch', 'Englisch', 'Luxemburgisch', 'Portugiesisch',
  'Italienisch', 'Spanisch', 'Franséisch', 'Englesch', 'Däitsch', 'Lëtzebuergesch', 'Portugisesch', 'Italienesch', 'Spuenesch',
  // subjects
  'Maths', 'Math', 'Mathematics', 'Mathématiques', 'Mathe', 'Mathematik', 'Mathé', 'History', 'Histoire', 'Geschichte', 'Geschicht',
  'Biology', 'Biologie', 'Physics', 'Physique', 'Physik', 'Chemistry', 'Chimie', 'Chemie', 'Geography', 'Géographie', 'Geographie',
  'Geografie', 'Music', 'Musique', 'Musik', 'Art', 'Sport', 'Science', 'Sciences', 'Informatik', 'Informatique', 'Latin', 'Latein',
  'Religion', 'Ethik', 'Philosophie', 'Philosophy', 'Economics', 'Économie', 'Wirtschaft', 'Kunst', 'Turnen',
  // days and months
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi',
  'Samedi', 'Dimanche', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag', 'Méindeg', 'Dënschdeg',
  'Mëttwoch', 'Donneschdeg', 'Freideg', 'Samschdeg', 'Sonndeg', 'January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December', 'Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août',
  'Septembre', 'Octobre', 'Novembre', 'Décembre', 'Januar', 'Februar', 'März', 'Juni', 'Juli', 'Oktober', 'Dezember', 'Mäerz',
  'Abrëll',
  // words that start a sentence or a clause
  'Today', 'Yesterday', 'Tomorrow', 'Also', 'And', 'But', 'When', 'Then', 'Aujourd', 'Hier', 'Demain', 'Heute', 'Gestern', 'Morgen',
  'Haut', 'Gëschter', 'Muer', 'Mais', 'Quand', 'Aber', 'Wann', 'Dann', 'Awer', 'Dunn', 'The', 'This', 'That', 'Der', 'Die', 'Das',
  'Dem', 'Den', 'Le', 'La', 'Les', 'Ce', 'Cet', 'Cette', 'Ech', 'Ich', 'Er', 'Sie', 'Es', 'Wir', 'Ihr', 'Il', 'Elle', 'Ils', 'Elles',
  'Nous', 'Vous', 'Hien', 'Si', 'Mir', 'Dir', 'Hatt', 'He', 'She', 'They', 'We', 'You', 'Mr', 'Mrs', 'Ms', 'Herr', 'Frau', 'Madame', 'Monsieur',
  // greetings, thanks and answers that open a message before a name ("Hello, Lena", "Merci, Tom")
  'Hello', 'Hi', 'Hey', 'Dear', 'Thanks', 'Please', 'Yes', 'No', 'Ok', 'Okay', 'Bonjour', 'Bonsoir', 'Salut', 'Coucou', 'Merci', 'Oui',
  'Non', 'Chère', 'Cher', 'Hallo', 'Servus', 'Danke', 'Bitte', 'Ja', 'Nein', 'Liebe', 'Lieber', 'Moien', 'Merci', 'Jo', 'Nee', 'Léif',
  'Léiwen', 'Wow', 'Bravo',
  // what follows "student" in the names of bodies and services ("the Student Council", "Student Services")
  'Council', 'Union', 'Services', 'Service', 'Office', 'Parliament', 'Committee', 'Association', 'Card', 'Portal', 'Handbook', 'Support',
  'Exchange', 'Loan', 'Loans', 'Visa', 'Assembly', 'Government', 'Representative', 'Representatives', 'Ambassador', 'Ambassadors', 'Aid', 'Body',
  // German and Luxembourgish nouns a teacher gives or does to a pupil
  'Nachhilfe', 'Hausaufgaben', 'Aufgaben', 'Angst', 'Mut', 'Zeit', 'Hilfe', 'Feedback', 'Noten', 'Note', 'Probleme', 'Unterstützung',
  'Bücher', 'Tipps', 'Ratschläge', 'Zugang', 'Material', 'Arbeitsblätter', 'Informationen', 'Fragen', 'Antworten', 'Lob', 'Kritik',
  'Bescheid', 'Unterricht', 'Übungen', 'Beispiele', 'Hëllef', 'Nohëllef', 'Angscht', 'Zäit', 'Problemer', 'Ënnerstëtzung', 'Bicher',
  'Froen', 'Fro', 'Äntwerten', 'Beispiller', 'Coursen', 'Schoul', 'Schule', 'Klasse', 'Klass',
];

/** Whether a capitalised word (the last of a phrase) can be a name: not one of the words above. */
export const couldBeName = (word: string): boolean => !NOT_NAMES.includes(word.trim().split(/[ \u00a0]/).at(-1)!);
