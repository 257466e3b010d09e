CREATE TABLE "appointment_checks" (
	"membership_id" uuid PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"checked_on" date NOT NULL,
	"checked_by_person_id" uuid,
	"checked_by_name" text NOT NULL,
	"checked_as" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "habilitet_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rhf_id" uuid NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"raised_by" text NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by_person_id" uuid,
	"decided_by_name" text,
	"decided_as" text,
	"decided_at" timestamp with time zone,
	"decided_on" date
);
--> statement-breakpoint
CREATE TABLE "habilitet_statements" (
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"stated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "habilitet_statements_case_id_person_id_pk" PRIMARY KEY("case_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "interest_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"interests" jsonb NOT NULL,
	"confirmed_on" date NOT NULL,
	"confirmed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_suppliers" (
	"procurement_id" uuid NOT NULL,
	"organisation_number" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procurement_suppliers_procurement_id_organisation_number_pk" PRIMARY KEY("procurement_id","organisation_number")
);
--> statement-breakpoint
ALTER TABLE "appointment_checks" ADD CONSTRAINT "appointment_checks_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_checks" ADD CONSTRAINT "appointment_checks_checked_by_person_id_people_id_fk" FOREIGN KEY ("checked_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habilitet_questions" ADD CONSTRAINT "habilitet_questions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habilitet_questions" ADD CONSTRAINT "habilitet_questions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habilitet_questions" ADD CONSTRAINT "habilitet_questions_rhf_id_organisations_id_fk" FOREIGN KEY ("rhf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habilitet_questions" ADD CONSTRAINT "habilitet_questions_decided_by_person_id_people_id_fk" FOREIGN KEY ("decided_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habilitet_statements" ADD CONSTRAINT "habilitet_statements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habilitet_statements" ADD CONSTRAINT "habilitet_statements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_declarations" ADD CONSTRAINT "interest_declarations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_suppliers" ADD CONSTRAINT "procurement_suppliers_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "habilitet_questions_case_idx" ON "habilitet_questions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "habilitet_questions_person_idx" ON "habilitet_questions" USING btree ("person_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "habilitet_questions_one_pending" ON "habilitet_questions" USING btree ("case_id","person_id") WHERE "habilitet_questions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "interest_declarations_person_idx" ON "interest_declarations" USING btree ("person_id","confirmed_on");--> statement-breakpoint
-- A conflict declared as a vote becomes a habilitet question awaiting the member's RHF (seed 001 §7.2).
INSERT INTO "habilitet_questions" ("case_id", "person_id", "rhf_id", "source", "reason", "raised_by", "raised_at")
SELECT v."case_id", v."person_id", m."rhf_id", 'member', coalesce(nullif(v."comment", ''), 'Meldt inhabil'), 'migrering', v."voted_at"
FROM "case_votes" v
JOIN "cases" c ON c."id" = v."case_id"
JOIN LATERAL (
  SELECT "rhf_id" FROM "memberships"
  WHERE "steering_group_id" = c."steering_group_id" AND "person_id" = v."person_id"
  ORDER BY "term_start" DESC LIMIT 1
) m ON true
WHERE v."vote" = 'conflict';--> statement-breakpoint
DELETE FROM "case_votes" WHERE "vote" = 'conflict';
