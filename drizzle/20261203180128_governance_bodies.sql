CREATE TABLE "body_mandates" (
	"steering_group_id" uuid NOT NULL,
	"decision_type" text NOT NULL,
	CONSTRAINT "body_mandates_steering_group_id_decision_type_pk" PRIMARY KEY("steering_group_id","decision_type")
);
--> statement-breakpoint
CREATE TABLE "governance_model_config" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"value" jsonb NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "steering_groups" DROP CONSTRAINT "steering_groups_phase";--> statement-breakpoint
ALTER TABLE "steering_groups" ALTER COLUMN "phase" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "represents_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "steering_groups" ADD COLUMN "kind" text DEFAULT 'nationalSteeringGroup' NOT NULL;--> statement-breakpoint
ALTER TABLE "steering_groups" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "steering_groups" ADD COLUMN "secretariat_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "steering_groups" ADD COLUMN "escalation_target_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "proposed_body_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "decision_type" text;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "target_body_id" uuid;--> statement-breakpoint
ALTER TABLE "body_mandates" ADD CONSTRAINT "body_mandates_steering_group_id_steering_groups_id_fk" FOREIGN KEY ("steering_group_id") REFERENCES "public"."steering_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_model_config" ADD CONSTRAINT "governance_model_config_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "governance_model_config_region_version" ON "governance_model_config" USING btree ("region_id","version");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_represents_organisation_id_organisations_id_fk" FOREIGN KEY ("represents_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_groups" ADD CONSTRAINT "steering_groups_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_groups" ADD CONSTRAINT "steering_groups_secretariat_organisation_id_organisations_id_fk" FOREIGN KEY ("secretariat_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_groups" ADD CONSTRAINT "steering_groups_escalation_target_id_steering_groups_id_fk" FOREIGN KEY ("escalation_target_id") REFERENCES "public"."steering_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_proposed_body_id_steering_groups_id_fk" FOREIGN KEY ("proposed_body_id") REFERENCES "public"."steering_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_target_body_id_steering_groups_id_fk" FOREIGN KEY ("target_body_id") REFERENCES "public"."steering_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "steering_groups_region_idx" ON "steering_groups" USING btree ("region_id");--> statement-breakpoint
ALTER TABLE "steering_groups" ADD CONSTRAINT "steering_groups_national_has_no_region" CHECK (("steering_groups"."kind" = 'nationalSteeringGroup') = ("steering_groups"."region_id" is null));--> statement-breakpoint
ALTER TABLE "steering_groups" ADD CONSTRAINT "steering_groups_phase" CHECK ("steering_groups"."phase" in (1, 2) or ("steering_groups"."phase" is null and "steering_groups"."kind" <> 'nationalSteeringGroup'));