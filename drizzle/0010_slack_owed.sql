CREATE TABLE `slack_owed` (
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	PRIMARY KEY(`case_id`, `kind`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `slack_owed_due_idx` ON `slack_owed` (`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `slack_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
