-- Per-term document counts of the FTS index, for weighting a question's words by how rare they are.
CREATE VIRTUAL TABLE `chunks_fts_vocab` USING fts5vocab(`chunks_fts`, 'row');
