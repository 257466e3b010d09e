CREATE TABLE "implementation_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"responsible_name" text,
	"due_date" date,
	"status" text DEFAULT 'notStarted' NOT NULL,
	"done_on" date,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"hf_id" uuid NOT NULL,
	"responsible_name" text,
	"due_date" date NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "implementation_items" ADD CONSTRAINT "implementation_items_plan_id_implementation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."implementation_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_hf_id_organisations_id_fk" FOREIGN KEY ("hf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "implementation_items_plan_idx" ON "implementation_items" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "implementation_plans_agreement_hf_key" ON "implementation_plans" USING btree ("agreement_id","hf_id");