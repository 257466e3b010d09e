CREATE TABLE "case_substitutes" (
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rhf_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"appointed_by_person_id" uuid,
	"appointed_by_name" text NOT NULL,
	"appointed_as" text NOT NULL,
	"appointed_on" date NOT NULL,
	"appointed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_substitutes_case_id_person_id_pk" PRIMARY KEY("case_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "case_substitutes" ADD CONSTRAINT "case_substitutes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_substitutes" ADD CONSTRAINT "case_substitutes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_substitutes" ADD CONSTRAINT "case_substitutes_rhf_id_organisations_id_fk" FOREIGN KEY ("rhf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_substitutes" ADD CONSTRAINT "case_substitutes_appointed_by_person_id_people_id_fk" FOREIGN KEY ("appointed_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;