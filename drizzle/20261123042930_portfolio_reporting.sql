CREATE TABLE "procurement_follow_ups" (
	"procurement_id" uuid PRIMARY KEY NOT NULL,
	"is_innovative" boolean,
	"realised_gain_nok" numeric(18, 2),
	"needed_measures" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procurement_gate_plans" (
	"procurement_id" uuid NOT NULL,
	"gate" text NOT NULL,
	"planned_on" date NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procurement_gate_plans_procurement_id_gate_pk" PRIMARY KEY("procurement_id","gate")
);
--> statement-breakpoint
CREATE TABLE "annual_plan_comments" (
	"item_id" uuid NOT NULL,
	"rhf_id" uuid NOT NULL,
	"agrees" text NOT NULL,
	"proposed_significance" text,
	"comment" text,
	"commented_by" text NOT NULL,
	"commented_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_plan_comments_item_id_rhf_id_pk" PRIMARY KEY("item_id","rhf_id")
);
--> statement-breakpoint
CREATE TABLE "annual_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"procurement_id" uuid NOT NULL,
	"initial_significance" text NOT NULL,
	"gain_estimate_nok" numeric(18, 2),
	"risk_profile" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "annual_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"status_changed_by" text NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "category_strategies" (
	"category_id" uuid PRIMARY KEY NOT NULL,
	"approved_on" date,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"source" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"target" numeric(12, 2) NOT NULL,
	"target_max" numeric(12, 2),
	"amber_tolerance" numeric(12, 2) NOT NULL,
	"yearly_targets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"origin" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_manual_values" (
	"kpi_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" numeric(12, 2) NOT NULL,
	"note" text,
	"entered_by" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_manual_values_kpi_id_year_pk" PRIMARY KEY("kpi_id","year")
);
--> statement-breakpoint
CREATE TABLE "action_plan_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"focus_areas" text[] DEFAULT '{}' NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plan_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"title" text NOT NULL,
	"priority" integer,
	"benefit" text,
	"latest_status" text,
	"status" text NOT NULL,
	"responsible" text,
	"year" text,
	"kpi_codes" text[] DEFAULT '{}' NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"period" text NOT NULL,
	"status_date" text,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "programme_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sort_order" integer NOT NULL,
	"depth" integer NOT NULL,
	"name" text NOT NULL,
	"responsible" text,
	"start_on" date,
	"end_on" date,
	"status" text
);
--> statement-breakpoint
CREATE TABLE "programme_risks" (
	"number" integer PRIMARY KEY NOT NULL,
	"area" text NOT NULL,
	"description" text NOT NULL,
	"level_at_start" text,
	"measures" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_stakeholders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sort_order" integer NOT NULL,
	"stakeholder_group" text NOT NULL,
	"stakeholder" text NOT NULL,
	"role_status" text NOT NULL,
	"measures" text NOT NULL,
	"responsible_when" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sort_order" integer NOT NULL,
	"category_heading" text NOT NULL,
	"name" text NOT NULL,
	"project_start" date,
	"announcement" text,
	"transfer_to_new_model" boolean NOT NULL,
	"procurement_id" uuid
);
--> statement-breakpoint
ALTER TABLE "procurement_follow_ups" ADD CONSTRAINT "procurement_follow_ups_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procurement_gate_plans" ADD CONSTRAINT "procurement_gate_plans_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_plan_comments" ADD CONSTRAINT "annual_plan_comments_item_id_annual_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."annual_plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_plan_comments" ADD CONSTRAINT "annual_plan_comments_rhf_id_organisations_id_fk" FOREIGN KEY ("rhf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_plan_items" ADD CONSTRAINT "annual_plan_items_plan_id_annual_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."annual_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_plan_items" ADD CONSTRAINT "annual_plan_items_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_strategies" ADD CONSTRAINT "category_strategies_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_manual_values" ADD CONSTRAINT "kpi_manual_values_kpi_id_kpi_definitions_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_areas" ADD CONSTRAINT "action_plan_areas_plan_id_action_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."action_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_measures" ADD CONSTRAINT "action_plan_measures_area_id_action_plan_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."action_plan_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_transitions" ADD CONSTRAINT "programme_transitions_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_plan_items_plan_procurement_key" ON "annual_plan_items" USING btree ("plan_id","procurement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_plans_year_key" ON "annual_plans" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_definitions_code_key" ON "kpi_definitions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "action_plans_code_key" ON "action_plans" USING btree ("code");