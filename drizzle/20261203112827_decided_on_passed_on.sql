-- The day of a decision and of a passed gate, from the app's clock (not the database's transaction time).
-- Existing rows take the Norwegian day of their bookkeeping stamp.
ALTER TABLE "cases" ADD COLUMN "decided_on" text;--> statement-breakpoint
UPDATE "cases" SET "decided_on" = to_char("closed_at" AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') WHERE "closed_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "procurement_gates" ADD COLUMN "passed_on" text;--> statement-breakpoint
UPDATE "procurement_gates" SET "passed_on" = to_char("passed_at" AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD');--> statement-breakpoint
ALTER TABLE "procurement_gates" ALTER COLUMN "passed_on" SET NOT NULL;
