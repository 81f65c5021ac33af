CREATE TABLE `limit_hits` (
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `limit_hits_key` ON `limit_hits` (`key`,`at`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_until` text;--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `visit_reference` text;--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `visit_until` text;