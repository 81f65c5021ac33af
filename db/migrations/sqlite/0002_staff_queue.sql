CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`request_id` integer NOT NULL,
	`key` text NOT NULL,
	`data` text,
	`created_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`delivered_at` text,
	`last_error` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_key_unique` ON `outbox` (`key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`topic`,`delivered_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `request_versions` (
	`request_id` integer NOT NULL,
	`version` integer NOT NULL,
	`sealed` blob,
	`engine_version` text NOT NULL,
	`pack_version` text NOT NULL,
	`created_at` text NOT NULL,
	`staff_id` integer NOT NULL,
	PRIMARY KEY(`request_id`, `version`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`jurisdiction` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_name_unique` ON `staff` (`name`);--> statement-breakpoint
CREATE TABLE `staff_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`staff_id` integer,
	`name` text,
	`client` text,
	`data` text
);
--> statement-breakpoint
CREATE INDEX `staff_audit_at` ON `staff_audit` (`at`);--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`staff_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_staff` ON `staff_sessions` (`staff_id`);--> statement-breakpoint
DROP INDEX `requests_queue`;--> statement-breakpoint
ALTER TABLE `requests` ADD `contacted_at` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `closed_at` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `close_outcome` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `duplicate_of` integer;--> statement-breakpoint
ALTER TABLE `requests` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `anonymized_at` text;--> statement-breakpoint
CREATE INDEX `requests_queue_scope` ON `requests` (`jurisdiction`,`status`,"urgent" desc,`sla_due_at`,`id`);--> statement-breakpoint
CREATE INDEX `requests_closed` ON `requests` (`closed_at`);--> statement-breakpoint
CREATE INDEX `requests_queue` ON `requests` (`status`,"urgent" desc,`sla_due_at`,`id`);