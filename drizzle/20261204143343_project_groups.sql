CREATE TABLE "project_groups" (
	"steering_group_id" uuid PRIMARY KEY NOT NULL,
	"procurement_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"exempt_hf_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"exemption_note" text,
	"composed_membership_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_groups" ADD CONSTRAINT "project_groups_steering_group_id_steering_groups_id_fk" FOREIGN KEY ("steering_group_id") REFERENCES "public"."steering_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_groups" ADD CONSTRAINT "project_groups_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_groups" ADD CONSTRAINT "project_groups_template_id_steering_groups_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."steering_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_groups_procurement_key" ON "project_groups" USING btree ("procurement_id");