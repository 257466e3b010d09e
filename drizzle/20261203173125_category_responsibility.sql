CREATE TABLE "category_responsibilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"hf_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by_name" text NOT NULL,
	"decision_reference" text,
	"body_case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "category_responsibility_duties" (
	"responsibility_id" uuid NOT NULL,
	"duty" text NOT NULL,
	"status" text DEFAULT 'notStarted' NOT NULL,
	"note" text,
	"updated_on" date,
	"updated_by_name" text,
	CONSTRAINT "category_responsibility_duties_responsibility_id_duty_pk" PRIMARY KEY("responsibility_id","duty")
);
--> statement-breakpoint
ALTER TABLE "category_responsibilities" ADD CONSTRAINT "category_responsibilities_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_responsibilities" ADD CONSTRAINT "category_responsibilities_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_responsibilities" ADD CONSTRAINT "category_responsibilities_hf_id_organisations_id_fk" FOREIGN KEY ("hf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_responsibility_duties" ADD CONSTRAINT "category_responsibility_duties_responsibility_id_category_responsibilities_id_fk" FOREIGN KEY ("responsibility_id") REFERENCES "public"."category_responsibilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "category_responsibilities_region_category_key" ON "category_responsibilities" USING btree ("region_id","category_id");--> statement-breakpoint
CREATE INDEX "category_responsibilities_hf_idx" ON "category_responsibilities" USING btree ("hf_id");