ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
-- Append-only: a row is never deleted, and once sealed never changed; before that only its seal may be written.
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_sealed` BEFORE UPDATE ON `audit_log`
WHEN OLD.`hash` IS NOT NULL OR NEW.`id` IS NOT OLD.`id` OR NEW.`at` IS NOT OLD.`at` OR NEW.`actor` IS NOT OLD.`actor`
  OR NEW.`action` IS NOT OLD.`action` OR NEW.`subject_type` IS NOT OLD.`subject_type` OR NEW.`subject_id` IS NOT OLD.`subject_id`
  OR NEW.`details` IS NOT OLD.`details`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
