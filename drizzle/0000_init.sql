CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`file_id` text NOT NULL,
	`size_bytes` integer,
	`caption` text,
	`stored_path` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_case_idx` ON `attachments` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`channel` text NOT NULL,
	`type` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`status` text NOT NULL,
	`channel` text NOT NULL,
	`filer_key` text NOT NULL,
	`access_code_hash` text NOT NULL,
	`locale` text NOT NULL,
	`project` text,
	`employer` text,
	`amount_yuan` real,
	`headcount_min` integer,
	`headcount_max` integer,
	`place_text` text,
	`division_code` text,
	`division_name` text,
	`sector` text,
	`project_kind` text,
	`ownership` text,
	`phone` text,
	`since` text,
	`narrative` text NOT NULL,
	`category` text NOT NULL,
	`is_arrears` integer NOT NULL,
	`reasons` text NOT NULL,
	`route` text NOT NULL,
	`jurisdiction_code` text,
	`collective` integer DEFAULT false NOT NULL,
	`major` integer DEFAULT false NOT NULL,
	`due_at` integer
);
--> statement-breakpoint
CREATE INDEX `cases_filer_idx` ON `cases` (`filer_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `cases_jurisdiction_idx` ON `cases` (`jurisdiction_code`,`status`);--> statement-breakpoint
CREATE INDEX `cases_due_idx` ON `cases` (`due_at`);--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`created_at`);--> statement-breakpoint
CREATE TABLE `dialog_sessions` (
	`user_key` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text,
	`channel` text NOT NULL,
	`recipient_key` text NOT NULL,
	`locale` text NOT NULL,
	`message_key` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`delivered_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `outbox_pending_idx` ON `outbox` (`channel`,`delivered_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `processed_updates` (
	`source` text NOT NULL,
	`update_id` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `processed_updates_key` ON `processed_updates` (`source`,`update_id`);