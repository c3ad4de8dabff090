CREATE TABLE `case_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction_code` text,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`headcount_total` integer DEFAULT 0 NOT NULL,
	`amount_total` real DEFAULT 0 NOT NULL,
	`collective` integer DEFAULT false NOT NULL,
	`major` integer DEFAULT false NOT NULL,
	`escalated_at` integer
);
--> statement-breakpoint
CREATE INDEX `case_groups_jurisdiction_idx` ON `case_groups` (`jurisdiction_code`);--> statement-breakpoint
CREATE TABLE `deadlines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`remind_at` integer,
	`reminded_at` integer,
	`escalated_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deadlines_case_idx` ON `deadlines` (`case_id`,`kind`);--> statement-breakpoint
CREATE INDEX `deadlines_remind_idx` ON `deadlines` (`closed_at`,`reminded_at`,`remind_at`);--> statement-breakpoint
CREATE INDEX `deadlines_due_idx` ON `deadlines` (`closed_at`,`escalated_at`,`due_at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `group_id` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `employer_key` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `project_key` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `responsible_officer` text;--> statement-breakpoint
CREATE INDEX `cases_group_idx` ON `cases` (`group_id`);--> statement-breakpoint
CREATE INDEX `cases_employer_key_idx` ON `cases` (`employer_key`,`jurisdiction_code`);--> statement-breakpoint
CREATE INDEX `cases_project_key_idx` ON `cases` (`jurisdiction_code`,`project_key`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `choices` text;