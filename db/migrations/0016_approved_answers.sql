CREATE TABLE `approved_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`lang` text NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`doc_ids` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	`retired_by` text,
	FOREIGN KEY (`created_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`retired_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approved_answers_lang` ON `approved_answers` (`lang`,`retired_at`);--> statement-breakpoint
ALTER TABLE `messages` ADD `approved_answer_id` text REFERENCES approved_answers(id);