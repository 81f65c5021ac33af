CREATE TABLE `handoff_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`interview_id_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`interview_id_hash`) REFERENCES `interviews`(`id_hash`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key_hash` text PRIMARY KEY NOT NULL,
	`request_id` integer NOT NULL,
	`body_hash` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `interviews` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`sealed` blob NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `interviews_expires` ON `interviews` (`expires_at`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`data` text,
	`sealed` blob,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_request` ON `request_events` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `request_outcomes` (
	`request_id` integer NOT NULL,
	`program` text NOT NULL,
	`outcome` text NOT NULL,
	PRIMARY KEY(`request_id`, `program`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outcomes_program` ON `request_outcomes` (`program`,`outcome`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`channel` text NOT NULL,
	`jurisdiction` text NOT NULL,
	`urgent` integer NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`assignee_id` integer,
	`lang` text NOT NULL,
	`applied_by` text NOT NULL,
	`consent_at` text NOT NULL,
	`consent_notice` text NOT NULL,
	`engine_version` text NOT NULL,
	`pack_version` text NOT NULL,
	`phone_hash` text NOT NULL,
	`chat_hash` text,
	`sealed` blob NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`sla_due_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requests_reference_unique` ON `requests` (`reference`);--> statement-breakpoint
CREATE INDEX `requests_phone` ON `requests` (`phone_hash`,`jurisdiction`,`created_at`);--> statement-breakpoint
CREATE INDEX `requests_chat` ON `requests` (`chat_hash`);--> statement-breakpoint
CREATE INDEX `requests_queue` ON `requests` (`status`,`urgent`,`sla_due_at`,`id`);--> statement-breakpoint
CREATE INDEX `requests_created` ON `requests` (`created_at`);