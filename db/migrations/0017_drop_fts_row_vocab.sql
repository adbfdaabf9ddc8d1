-- Migration 0007 meant to drop the row vocabulary, but its file has no statement breakpoint, so only its first
-- statement ran and every database still holds `chunks_fts_vocab`, which nothing reads.
DROP TABLE IF EXISTS `chunks_fts_vocab`;
