CREATE TABLE "case_rhf_acknowledgements" (
	"case_id" uuid NOT NULL,
	"rhf_id" uuid NOT NULL,
	"note" text,
	"acknowledged_by_person_id" uuid,
	"acknowledged_by_name" text NOT NULL,
	"acknowledged_as" text NOT NULL,
	"acknowledged_on" date NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_rhf_acknowledgements_case_id_rhf_id_pk" PRIMARY KEY("case_id","rhf_id")
);
--> statement-breakpoint
CREATE TABLE "case_rhf_discussions" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"note" text,
	"marked_by_person_id" uuid,
	"marked_by_name" text NOT NULL,
	"marked_on" date NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_rhf_acknowledgements" ADD CONSTRAINT "case_rhf_acknowledgements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rhf_acknowledgements" ADD CONSTRAINT "case_rhf_acknowledgements_rhf_id_organisations_id_fk" FOREIGN KEY ("rhf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rhf_acknowledgements" ADD CONSTRAINT "case_rhf_acknowledgements_acknowledged_by_person_id_people_id_fk" FOREIGN KEY ("acknowledged_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rhf_discussions" ADD CONSTRAINT "case_rhf_discussions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_rhf_discussions" ADD CONSTRAINT "case_rhf_discussions_marked_by_person_id_people_id_fk" FOREIGN KEY ("marked_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;