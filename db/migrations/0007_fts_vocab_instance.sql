-- Every occurrence of every term with its chunk, so a word's frequency is counted in the question's language only:
-- the knowledge is parallel in four languages, and a word of one ("war" in German) says nothing about another.
CREATE VIRTUAL TABLE `chunks_fts_instance` USING fts5vocab(`chunks_fts`, 'instance');
--> statement-breakpoint
-- The row vocabulary counted a word over all four languages; the instance vocabulary above replaces it.
DROP TABLE `chunks_fts_vocab`;
