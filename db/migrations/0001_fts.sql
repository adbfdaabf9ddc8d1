-- Full-text index over chunks (rowid = chunks.id). It holds the normalised text (ß, Luxembourgish variants),
-- so queries normalised the same way match; unicode61 folds case and diacritics.
CREATE VIRTUAL TABLE `chunks_fts` USING fts5(
	`lang` UNINDEXED,
	`title`,
	`headings`,
	`body`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '4'
);
