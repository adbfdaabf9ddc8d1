// Pupils' names wherever they stand: given names common among pupils in Luxembourg (Luxembourgish, French, German,
// Portuguese, Italian and English ones), with the surname that follows. A teacher writes "rank Lena, Max and Julia",
// "Tom Becker's essay" or "die Mutter von Finn Becker" without saying "my pupil" first.
import { couldBeName } from './name-words.ts';
import type { NameFinder } from './pupil-names.ts';

// Left out: given names that are also a capitalised word of their own in our four languages ("Christian", "Noël",
// "Jordan", "Milan", "Will", "Grace", "Rose").
const GIVEN_NAMES: readonly string[] = [
  'Aaron', 'Adam', 'Adrian', 'Adrien', 'Ahmed', 'Aiden', 'Alba', 'Ali', 'Alessandro', 'Alessia', 'Alex', 'Alexander',
  'Alexandra', 'Alexandre', 'Alexis', 'Alice', 'Alicia', 'Alina', 'Aline', 'Alma', 'Amalia', 'Amelia', 'Amélie', 'Ana',
  'Anaïs', 'Andrea', 'Andreas', 'Andrei', 'André', 'Andrés', 'Anna', 'Anne', 'Annika', 'Anouk', 'Antoine', 'Anton',
  'Antonia', 'Antonio', 'Arthur', 'Aurélie', 'Ava', 'Axel', 'Ayla', 'Aylin', 'Amina', 'Beatriz', 'Ben', 'Benjamin', 'Benedikt',
  'Bernardo', 'Bianca', 'Bruno', 'Camille', 'Carla', 'Carlos', 'Carlotta', 'Caroline', 'Catarina', 'Cédric', 'Charles',
  'Charlie', 'Charlotte', 'Chiara', 'Chloé', 'Chris', 'Christina', 'Christine', 'Clara', 'Claire', 'Clément',
  'Clémence', 'Colin', 'Constantin', 'Daniel', 'Daniela', 'Dario', 'David', 'Diana', 'Diego', 'Diogo', 'Dominik',
  'Dylan', 'Edouard', 'Eduardo', 'Elena', 'Eleonora', 'Eli', 'Elias', 'Elie', 'Elisa', 'Elisabeth', 'Eliza', 'Ella',
  'Elsa', 'Emil', 'Emilia', 'Emilie', 'Emily', 'Emma', 'Enzo', 'Eric', 'Erik', 'Esther', 'Fatima', 'Ethan', 'Eva', 'Evan', 'Ewa',
  'Fabian', 'Fabio', 'Fabienne', 'Felix', 'Félix', 'Filipa', 'Finn', 'Flavio', 'Florian', 'Francesca', 'Francesco',
  'Francisco', 'Frederik', 'Frida', 'Gabriel', 'Gabriela', 'Gabriele', 'Georg', 'Georges', 'Gilles', 'Gil', 'Giulia',
  'Giulio', 'Gonçalo', 'Guilherme', 'Gustav', 'Hanna', 'Hannah', 'Helena', 'Henri', 'Henrique', 'Henry', 'Hugo', 'Ian',
  'Ibrahim', 'Ida', 'Inês', 'Inès', 'Ines', 'Ingrid', 'Isaac', 'Isabel', 'Isabella', 'Isabelle', 'Ivan', 'Jack',
  'Jacob', 'Jacques', 'Jakob', 'James', 'Jan', 'Jana', 'Jason', 'Jean', 'Jeanne', 'Jennifer', 'Jérôme', 'Joana',
  'Joao', 'João', 'Joel', 'Jonas', 'Jonathan', 'Jorge', 'José', 'Joseph', 'Josh', 'Joshua', 'Josephine', 'Julia',
  'Julian', 'Julien', 'Juliette', 'Jules', 'Julie', 'Justin', 'Kai', 'Karim', 'Karl', 'Karla', 'Katharina', 'Kevin',
  'Kim', 'Klara', 'Konstantin', 'Lara', 'Laura', 'Laure', 'Lauren', 'Lea', 'Léa', 'Leandro', 'Lena', 'Leni', 'Leo',
  'Léo', 'Leon', 'Léon', 'Leonardo', 'Leonie', 'Léonie', 'Leonor', 'Liam', 'Lilly', 'Lily', 'Lina', 'Linda', 'Linus',
  'Lisa', 'Lise', 'Livia', 'Loïc', 'Lorena', 'Lorenzo', 'Lotta', 'Louis', 'Louisa', 'Louise', 'Luana', 'Luc', 'Luca',
  'Lucas', 'Lucia', 'Lucie', 'Luis', 'Luisa', 'Luka', 'Lukas', 'Luna', 'Madeleine', 'Magali', 'Maja', 'Malik', 'Malou',
  'Manon', 'Manuel', 'Mara', 'Marc', 'Marcel', 'Marco', 'Marcus', 'Margaux', 'Maria', 'Mariana', 'Marie', 'Marina',
  'Mario', 'Marion', 'Marius', 'Marlene', 'Martim', 'Martin', 'Mateo', 'Matheo', 'Mathias', 'Mathilde', 'Mathis',
  'Matilda', 'Matteo', 'Matthias', 'Mattia', 'Max', 'Maxim', 'Maxime', 'Maximilian', 'Maya', 'Mehdi', 'Mia', 'Michael',
  'Michel', 'Miguel', 'Mika', 'Mila', 'Milena', 'Miriam', 'Mohamed', 'Mohammed', 'Muhammad', 'Moritz', 'Nadia', 'Nadine', 'Nathan', 'Nathalie',
  'Nelly', 'Nicolas', 'Nico', 'Niklas', 'Nils', 'Nina', 'Noa', 'Noah', 'Noé', 'Noemi', 'Nora', 'Olivia', 'Oliver',
  'Olivier', 'Omar', 'Oscar', 'Oskar', 'Pablo', 'Paola', 'Patrick', 'Paul', 'Paula', 'Pauline', 'Pedro', 'Philipp',
  'Philippe', 'Pia', 'Pierre', 'Rafael', 'Raphael', 'Raphaël', 'Rayan', 'Rebecca', 'Rémi', 'Renée', 'Ricardo', 'Rita',
  'Robert', 'Robin', 'Rodrigo', 'Romain', 'Romy', 'Ruben', 'Rui', 'Sacha', 'Salomé', 'Samuel', 'Sandra', 'Sara',
  'Sarah', 'Sascha', 'Sebastian', 'Sébastien', 'Simon', 'Simone', 'Sofia', 'Sofie', 'Sophia', 'Sophie', 'Stella',
  'Stefan', 'Sven', 'Sylvie', 'Thea', 'Théa', 'Theo', 'Théo', 'Thomas', 'Tiago', 'Tim', 'Timo', 'Tobias', 'Tom',
  'Tomás', 'Tristan', 'Valentin', 'Valentina', 'Valérie', 'Vanessa', 'Victor', 'Vincent', 'Viktor', 'William', 'Yann',
  'Yannick', 'Yasmin', 'Yasmine', 'Yanis', 'Yara', 'Yusuf', 'Zoe', 'Zoé', 'Zoey'
];

// People a lesson or a question may name who are not pupils: those of the knowledge, scientists of computing and AI,
// and the people Luxembourg's schools are named after.
const PUBLIC_PEOPLE: readonly string[] = [
  'Mario Grotz', 'Luis Peres', 'Marie Curie', 'Robert Schuman', 'Jean Monnet', 'Michel Rodange', 'Aline Mayrisch', 'Michel Lentz',
  'Leonardo da Vinci', 'Isaac Newton', 'Charles Babbage', 'Charles Darwin', 'Martin Luther', 'Thomas Edison', 'William Shakespeare',
  'Pablo Picasso', 'Max Planck', 'Louis Pasteur', 'Yann LeCun', 'Joseph Weizenbaum', 'Tim Berners-Lee', 'Victor Hugo',
];

/**
 * Given names from the list, each with its surname when that is a name too: the capitalised word after it ("Ana Da
 * Silva", "Tom SCHMIT"), or, as class lists and spreadsheets write them, the one before it with a comma or a tab
 * between at the start of a list item ("Weber, Lena; Hoffmann, Jonas", "SCHMIT<tab>Tom"). Never a public person.
 */
export function commonGivenNames(): NameFinder {
  // "Max 30 minutes" is a maximum, not a pupil.
  const given = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${GIVEN_NAMES.join('|')})(?![\p{L}\p{N}]|[ \u00a0]\d)`, 'gu');
  const word = String.raw`(?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*|\p{Lu}{3,}(?:-\p{Lu}{2,})*)`;
  const particle = String.raw`(?:(?:[Vv]an [Dd]er|[Vv]on [Dd]er|VAN DER|VON DER|[Vv]an|[Vv]on|[Dd]e|[Dd]a|[Dd]os|[Dd]as|[Dd]o|[Dd]i|[Dd]u|VAN|VON|DE|DA|DOS|DAS|DO|DI|DU)[ \u00a0])?`;
  const after = new RegExp(String.raw`^[ \u00a0\t](${particle}${word})(?![\p{L}\p{N}])`, 'u');
  // Only where a list item starts (a line, a cell, after ":", ";" or a number): "Einer meiner Schüler, Jonas" names a noun.
  const before = new RegExp(String.raw`(?<=(?:^|[\n;:\t]|\d[.)])[ \u00a0]*)(${particle}${word})(?:,[ \u00a0]|\t)$`, 'u');
  return (text) =>
    [...text.matchAll(given)].flatMap((m) => {
      let start = m.index;
      if (PUBLIC_PEOPLE.some((person) => text.startsWith(person, start))) return [];
      const next = after.exec(text.slice(start + m[0].length));
      const end = start + m[0].length + (next && couldBeName(next[1]!) ? next[0].length : 0);
      // Read in the 60 characters before: a match at the window's own start is a list item's only if the text starts there.
      const from = Math.max(0, start - 60);
      const previous = before.exec(text.slice(from, start));
      if (previous && (previous.index > 0 || from === 0) && couldBeName(previous[1]!) && !GIVEN_NAMES.includes(previous[1]!)) start -= previous[0].length;
      return [{ start, end }];
    });
}
