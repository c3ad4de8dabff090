ALTER TABLE `officers` ADD `name` text;--> statement-breakpoint
ALTER TABLE `officers` ADD `slack_name` text;