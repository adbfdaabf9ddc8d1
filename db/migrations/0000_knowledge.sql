CREATE TABLE `chunks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chunk_id` text NOT NULL,
	`doc_id` text NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`heading_path` text NOT NULL,
	`text` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chunks_chunk_id_unique` ON `chunks` (`chunk_id`);--> statement-breakpoint
CREATE INDEX `chunks_doc_lang` ON `chunks` (`doc_id`,`lang`);--> statement-breakpoint
CREATE TABLE `documents` (
	`doc_id` text NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`audience` text NOT NULL,
	`source` text NOT NULL,
	`url` text,
	`updated` text NOT NULL,
	`review` text NOT NULL,
	`content_hash` text NOT NULL,
	PRIMARY KEY(`doc_id`, `lang`)
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
