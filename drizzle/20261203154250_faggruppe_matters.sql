CREATE TABLE "faggruppe_matters" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"raised_on" text NOT NULL,
	"escalation_days" integer NOT NULL,
	"rule_version" integer NOT NULL,
	"raised_as" text NOT NULL,
	"line_escalated_on" text,
	"line_escalated_by_person_id" uuid,
	"line_escalated_by_name" text,
	"line_escalated_as" text,
	"line_reason" text,
	"referred_on" text,
	"referred_by_person_id" uuid,
	"referred_by_name" text,
	"referred_as" text
);
--> statement-breakpoint
ALTER TABLE "faggruppe_matters" ADD CONSTRAINT "faggruppe_matters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faggruppe_matters" ADD CONSTRAINT "faggruppe_matters_line_escalated_by_person_id_people_id_fk" FOREIGN KEY ("line_escalated_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faggruppe_matters" ADD CONSTRAINT "faggruppe_matters_referred_by_person_id_people_id_fk" FOREIGN KEY ("referred_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;