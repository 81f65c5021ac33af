CREATE TABLE `bot_sessions` (
	`key_hash` text PRIMARY KEY NOT NULL,
	`sealed` blob NOT NULL,
	`updated_at` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bot_sessions_expires` ON `bot_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `processed_updates` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `processed_updates_at` ON `processed_updates` (`at`);