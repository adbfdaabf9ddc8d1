-- Migration 0007 meant to drop the row vocabulary, but its file had no statement breakpoint, so on a local file only
-- its first statement ran (databases migrated before 2026-11-30 still hold `chunks_fts_vocab`, which nothing reads).
DROP TABLE IF EXISTS `chunks_fts_vocab`;
