DROP INDEX `cases_report_idx`;--> statement-breakpoint
ALTER TABLE `cases` ADD `separate_claim` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `cases_report_idx` ON `cases` (`id`,`is_arrears`,`jurisdiction_code`,`sector`,`headcount_min`,`amount_yuan`,`group_id`,`separate_claim`);