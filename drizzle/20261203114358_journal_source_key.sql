ALTER TABLE "journal_entries" ADD COLUMN "source_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_source_key" ON "journal_entries" USING btree ("source_key");