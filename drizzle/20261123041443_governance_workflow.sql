CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_votes" (
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"vote" text NOT NULL,
	"comment" text,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_votes_case_id_person_id_pk" PRIMARY KEY("case_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procurement_id" uuid NOT NULL,
	"steering_group_id" uuid NOT NULL,
	"gate" text NOT NULL,
	"kind" text NOT NULL,
	"delegated_gate" text,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"proposed_significance" text,
	"status" text DEFAULT 'open' NOT NULL,
	"eligible_person_ids" uuid[] NOT NULL,
	"participating_rhf_ids" uuid[] NOT NULL,
	"decision_number" text,
	"outcome_note" text,
	"submitted_by_person_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "decision_counters" (
	"steering_group_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "decision_counters_steering_group_id_year_pk" PRIMARY KEY("steering_group_id","year")
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"procurement_id" uuid NOT NULL,
	"gate" text NOT NULL,
	"case_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegations_procurement_id_gate_pk" PRIMARY KEY("procurement_id","gate")
);
--> statement-breakpoint
CREATE TABLE "escalation_answers" (
	"case_id" uuid NOT NULL,
	"rhf_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"answered_by" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_answers_case_id_rhf_id_pk" PRIMARY KEY("case_id","rhf_id")
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"brief" text NOT NULL,
	"recommendation" text NOT NULL,
	"rhf_ids" uuid[] NOT NULL,
	"escalated_by" text NOT NULL,
	"escalated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolution_outcome" text,
	"resolution_text" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "faggruppe_members" (
	"procurement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "faggruppe_members_procurement_id_person_id_pk" PRIMARY KEY("procurement_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "governance_config" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"value" jsonb NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procurement_gates" (
	"procurement_id" uuid NOT NULL,
	"gate" text NOT NULL,
	"involvement" text NOT NULL,
	"via" text NOT NULL,
	"case_id" uuid,
	"planned_on" text,
	"passed_by" text NOT NULL,
	"passed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procurement_gates_procurement_id_gate_pk" PRIMARY KEY("procurement_id","gate")
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procurement_id" uuid NOT NULL,
	"method" text NOT NULL,
	"scores" jsonb,
	"profile" text NOT NULL,
	"mean_score" numeric(4, 2),
	"rule_version" integer,
	"note" text,
	"assessed_by" text NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "significance_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procurement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"case_id" uuid,
	"note" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_votes" ADD CONSTRAINT "case_votes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_votes" ADD CONSTRAINT "case_votes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_steering_group_id_steering_groups_id_fk" FOREIGN KEY ("steering_group_id") REFERENCES "public"."steering_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_submitted_by_person_id_people_id_fk" FOREIGN KEY ("submitted_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_counters" ADD CONSTRAINT "decision_counters_steering_group_id_steering_groups_id_fk" FOREIGN KEY ("steering_group_id") REFERENCES "public"."steering_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_answers" ADD CONSTRAINT "escalation_answers_case_id_escalations_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."escalations"("case_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_answers" ADD CONSTRAINT "escalation_answers_rhf_id_organisations_id_fk" FOREIGN KEY ("rhf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faggruppe_members" ADD CONSTRAINT "faggruppe_members_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faggruppe_members" ADD CONSTRAINT "faggruppe_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_gates" ADD CONSTRAINT "procurement_gates_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_gates" ADD CONSTRAINT "procurement_gates_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "significance_decisions" ADD CONSTRAINT "significance_decisions_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_procurement_idx" ON "cases" USING btree ("procurement_id");--> statement-breakpoint
CREATE INDEX "cases_group_status_idx" ON "cases" USING btree ("steering_group_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_decision_number_key" ON "cases" USING btree ("decision_number");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_config_key_version" ON "governance_config" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "risk_assessments_procurement_idx" ON "risk_assessments" USING btree ("procurement_id","assessed_at");--> statement-breakpoint
CREATE INDEX "significance_decisions_procurement_idx" ON "significance_decisions" USING btree ("procurement_id","decided_at");