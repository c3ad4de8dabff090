CREATE TABLE `officers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slack_user_id` text NOT NULL,
	`division_code` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `officers_user_division` ON `officers` (`slack_user_id`,`division_code`);--> statement-breakpoint
CREATE TABLE `slack_tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`channel` text NOT NULL,
	`ts` text NOT NULL,
	`kind` text NOT NULL,
	`division_code` text,
	`posted_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `slack_tickets_case_idx` ON `slack_tickets` (`case_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `slack_tickets_message` ON `slack_tickets` (`channel`,`ts`);