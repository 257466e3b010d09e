CREATE TABLE "access_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"reason" text NOT NULL,
	"appeal_body" text NOT NULL,
	"forwarded_on" date,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_on" date,
	"outcome_note" text,
	"registered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_request_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"journal_entry_id" uuid,
	"description" text NOT NULL,
	"decision" text,
	"legal_basis" text,
	"section12" text,
	"merinnsyn_assessment" text,
	"merinnsyn_granted" boolean DEFAULT false NOT NULL,
	"variant_id" uuid,
	"decided_by" text,
	"decided_on" date
);
--> statement-breakpoint
CREATE TABLE "access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"sequence_number" integer NOT NULL,
	"channel" text NOT NULL,
	"requester_name" text,
	"requester_email" text,
	"requester_address" text,
	"message" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"deemed_refused_after" date NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"deemed_refused_on" date,
	"answered_on" date,
	"answered_by" text,
	"answer_text" text,
	"registered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"sequence_number" integer NOT NULL,
	"steering_group_id" uuid NOT NULL,
	"procurement_id" uuid,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_cases_scope_key" UNIQUE NULLS NOT DISTINCT("steering_group_id","procurement_id")
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journal_case_id" uuid NOT NULL,
	"document_number" integer NOT NULL,
	"journal_year" integer NOT NULL,
	"journal_sequence" integer NOT NULL,
	"journal_date" date NOT NULL,
	"document_date" date NOT NULL,
	"direction" text NOT NULL,
	"sender_recipient" text,
	"title" text NOT NULL,
	"shielded_words" text[] DEFAULT '{}' NOT NULL,
	"document_type" text NOT NULL,
	"access_status" text DEFAULT 'public' NOT NULL,
	"legal_basis" text,
	"classified_on" date NOT NULL,
	"document_id" uuid,
	"case_id" uuid,
	"meeting_id" uuid,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"source_version" integer NOT NULL,
	"method" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"legal_bases" text[] NOT NULL,
	"redactions" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_appeals" ADD CONSTRAINT "access_appeals_request_id_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."access_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_request_items" ADD CONSTRAINT "access_request_items_request_id_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."access_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_request_items" ADD CONSTRAINT "access_request_items_journal_entry_id_journal_entries_id_fk" FOREIGN KEY ("journal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_request_items" ADD CONSTRAINT "access_request_items_variant_id_public_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."public_variants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_cases" ADD CONSTRAINT "journal_cases_steering_group_id_steering_groups_id_fk" FOREIGN KEY ("steering_group_id") REFERENCES "public"."steering_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_cases" ADD CONSTRAINT "journal_cases_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_journal_case_id_journal_cases_id_fk" FOREIGN KEY ("journal_case_id") REFERENCES "public"."journal_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_variants" ADD CONSTRAINT "public_variants_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_appeals_request_idx" ON "access_appeals" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "access_request_items_request_idx" ON "access_request_items" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_number_key" ON "access_requests" USING btree ("year","sequence_number");--> statement-breakpoint
CREATE INDEX "access_requests_status_idx" ON "access_requests" USING btree ("status","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_cases_number_key" ON "journal_cases" USING btree ("year","sequence_number");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_sequence_key" ON "journal_entries" USING btree ("journal_year","journal_sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_case_document_key" ON "journal_entries" USING btree ("journal_case_id","document_number");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_document_key" ON "journal_entries" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "journal_entries_date_idx" ON "journal_entries" USING btree ("journal_date");--> statement-breakpoint
CREATE INDEX "public_variants_document_idx" ON "public_variants" USING btree ("document_id","created_at");