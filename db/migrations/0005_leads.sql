CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text,
	`details` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_subject` ON `audit_log` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE TABLE `lead_drafts` (
	`conversation_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`write_id` text NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`conversation_id` text,
	`lang` text NOT NULL,
	`organisation` text NOT NULL,
	`org_type` text NOT NULL,
	`sector` text NOT NULL,
	`size` text,
	`maturity` text NOT NULL,
	`need` text NOT NULL,
	`pillars` text NOT NULL,
	`timeline` text,
	`contact_name` text,
	`contact_email` text,
	`contact_phone` text,
	`dedupe_key` text,
	`consent_version` text NOT NULL,
	`consent_at` integer NOT NULL,
	`score` integer NOT NULL,
	`qualified` integer NOT NULL,
	`reasons` text NOT NULL,
	`announced` integer DEFAULT false NOT NULL,
	`withdraw_token_hashes` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`promoted_at` integer,
	`withdrawn_at` integer,
	`retain_until` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_dedupe_key` ON `leads` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `leads_status_retain` ON `leads` (`status`,`retain_until`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` text NOT NULL,
	`version` integer NOT NULL,
	`event` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`payload` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_lead` ON `outbox` (`lead_id`,`version`);