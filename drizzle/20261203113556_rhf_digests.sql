CREATE TABLE "rhf_digests" (
	"person_id" uuid NOT NULL,
	"iso_week" text NOT NULL,
	"rhf_ids" uuid[] NOT NULL,
	"content" jsonb NOT NULL,
	"sent_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rhf_digests_person_id_iso_week_pk" PRIMARY KEY("person_id","iso_week")
);
--> statement-breakpoint
ALTER TABLE "rhf_digests" ADD CONSTRAINT "rhf_digests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;