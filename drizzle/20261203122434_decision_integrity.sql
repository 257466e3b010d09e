-- Issue 17 (decision integrity). Each RHF's approval of the annual plan; the plan year an initial significance
-- came from.
CREATE TABLE "annual_plan_approvals" (
	"plan_id" uuid NOT NULL,
	"rhf_id" uuid NOT NULL,
	"note" text,
	"approved_by" text NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_plan_approvals_plan_id_rhf_id_pk" PRIMARY KEY("plan_id","rhf_id")
);
--> statement-breakpoint
ALTER TABLE "significance_decisions" ADD COLUMN "annual_plan_year" integer;--> statement-breakpoint
ALTER TABLE "annual_plan_approvals" ADD CONSTRAINT "annual_plan_approvals_plan_id_annual_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."annual_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_plan_approvals" ADD CONSTRAINT "annual_plan_approvals_rhf_id_organisations_id_fk" FOREIGN KEY ("rhf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- An explicit legal basis instead of a bare "restricted" flag on the legacy case_documents table. A bare flag
-- meant offl. § 23 tredje ledd under the rule in force when the row was written (the mapping the document-store
-- migration used too).
ALTER TABLE "case_documents" ADD COLUMN "legal_basis" text;--> statement-breakpoint
UPDATE "case_documents" SET "legal_basis" = 'offl23third' WHERE "restricted";--> statement-breakpoint
ALTER TABLE "case_documents" DROP COLUMN "restricted";--> statement-breakpoint
-- Training approval is the person's (seed 001 Vedlegg 06: the six modules), not a date per membership. A date
-- typed on a membership maps to the six modules completed on the person's earliest such date; modules the
-- person already completed keep their own dates.
INSERT INTO "training_completions" ("person_id", "module", "completed_on", "recorded_by")
SELECT m."person_id", module, min(m."training_completed_on"), 'migrering'
FROM "memberships" m CROSS JOIN generate_series(1, 6) AS module
WHERE m."training_completed_on" IS NOT NULL
GROUP BY m."person_id", module
ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "memberships" DROP COLUMN "training_completed_on";--> statement-breakpoint
-- Gain on completed procurements, "Mål: 3-7 %" (seed 003), is a floor: above 7 % is green, not red. Existing
-- definitions seeded as a two-sided range move to the minimum band; one set to another direction stays.
UPDATE "kpi_definitions" SET "direction" = 'minimumBand' WHERE "source" = 'gainOnCompleted' AND "direction" = 'withinRange';
