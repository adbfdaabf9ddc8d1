ALTER TABLE `conversations` ADD `escalated_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `waiting_since` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `assignee_id` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `assignee_name` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `first_staff_reply_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `conversations` ADD `resolution_note` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `notify_email` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `notify_consent_version` text;--> statement-breakpoint
CREATE INDEX `conversations_queue` ON `conversations` (`status`,`waiting_since`);--> statement-breakpoint
CREATE INDEX `events_conversation` ON `events` (`conversation_id`,`id`);