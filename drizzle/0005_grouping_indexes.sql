DROP INDEX `cases_project_key_idx`;--> statement-breakpoint
DROP INDEX `cases_group_idx`;--> statement-breakpoint
CREATE INDEX `cases_open_project_idx` ON `cases` (`jurisdiction_code`,`project_key`,`created_at`) WHERE "cases"."is_arrears" = 1 AND "cases"."status" NOT IN ('referred', 'resolved');--> statement-breakpoint
CREATE INDEX `cases_open_employer_idx` ON `cases` (`jurisdiction_code`,`employer_key`,`created_at`) WHERE "cases"."is_arrears" = 1 AND "cases"."status" NOT IN ('referred', 'resolved');--> statement-breakpoint
CREATE INDEX `cases_group_idx` ON `cases` (`group_id`,`created_at`) WHERE "cases"."group_id" IS NOT NULL;