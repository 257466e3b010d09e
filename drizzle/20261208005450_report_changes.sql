CREATE TABLE "report_changes" (
	"version" bigint NOT NULL,
	"procurement_id" uuid NOT NULL,
	CONSTRAINT "report_changes_version_procurement_id_pk" PRIMARY KEY("version","procurement_id")
);
--> statement-breakpoint
-- Which procurements a version changed (report-cache.ts recomputes only these rows). The triggers keep counting
-- the version once per committing transaction and now also note, under the same row lock and at the same
-- version, the procurement each changed row belongs to (the argument names its column; 'case' looks it up from
-- the case; 'all' notes the nil uuid: every row may depend on it; no argument: only the version counts, for the
-- implementation figures, which the report reads whole per version).
CREATE OR REPLACE FUNCTION report_data_changed() RETURNS trigger AS $$
DECLARE
  v bigint;
  ids uuid[];
BEGIN
  IF current_setting('styr.report_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE report_versions SET version = version + 1 WHERE area = 'portfolio' RETURNING version INTO v;
    PERFORM set_config('styr.report_bumped', txid_current()::text, true);
    PERFORM set_config('styr.report_version', v::text, true);
    DELETE FROM report_changes WHERE version < v - 1000;
  ELSE
    v := current_setting('styr.report_version')::bigint;
  END IF;
  IF TG_NARGS = 0 THEN
    RETURN NULL;
  ELSIF TG_ARGV[0] = 'all' THEN
    ids := ARRAY['00000000-0000-0000-0000-000000000000'::uuid];
  ELSIF TG_ARGV[0] = 'case' THEN
    ids := ARRAY(SELECT c.procurement_id FROM cases c
                 WHERE c.id IN ((to_jsonb(NEW) ->> 'case_id')::uuid, (to_jsonb(OLD) ->> 'case_id')::uuid));
  ELSE
    ids := ARRAY[(to_jsonb(NEW) ->> TG_ARGV[0])::uuid, (to_jsonb(OLD) ->> TG_ARGV[0])::uuid];
  END IF;
  INSERT INTO report_changes (version, procurement_id)
    SELECT v, id FROM unnest(ids) AS id WHERE id IS NOT NULL ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER procurements_report_version ON procurements;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurements_report_version AFTER INSERT OR UPDATE OR DELETE ON procurements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('id');
--> statement-breakpoint
DROP TRIGGER procurement_participants_report_version ON procurement_participants;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurement_participants_report_version AFTER INSERT OR UPDATE OR DELETE ON procurement_participants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('procurement_id');
--> statement-breakpoint
DROP TRIGGER categories_report_version ON categories;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER categories_report_version AFTER INSERT OR UPDATE OR DELETE ON categories
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('all');
--> statement-breakpoint
DROP TRIGGER organisations_report_version ON organisations;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organisations_report_version AFTER INSERT OR UPDATE OR DELETE ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('all');
--> statement-breakpoint
DROP TRIGGER steering_groups_report_version ON steering_groups;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER steering_groups_report_version AFTER INSERT OR UPDATE OR DELETE ON steering_groups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('all');
--> statement-breakpoint
DROP TRIGGER steering_group_coverage_report_version ON steering_group_coverage;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER steering_group_coverage_report_version AFTER INSERT OR UPDATE OR DELETE ON steering_group_coverage
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('all');
--> statement-breakpoint
DROP TRIGGER risk_assessments_report_version ON risk_assessments;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER risk_assessments_report_version AFTER INSERT OR UPDATE OR DELETE ON risk_assessments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('procurement_id');
--> statement-breakpoint
DROP TRIGGER significance_decisions_report_version ON significance_decisions;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER significance_decisions_report_version AFTER INSERT OR UPDATE OR DELETE ON significance_decisions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('procurement_id');
--> statement-breakpoint
DROP TRIGGER procurement_gates_report_version ON procurement_gates;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurement_gates_report_version AFTER INSERT OR UPDATE OR DELETE ON procurement_gates
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('procurement_id');
--> statement-breakpoint
DROP TRIGGER delegations_report_version ON delegations;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER delegations_report_version AFTER INSERT OR UPDATE OR DELETE ON delegations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('procurement_id');
--> statement-breakpoint
DROP TRIGGER escalations_report_version ON escalations;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER escalations_report_version AFTER INSERT OR UPDATE OR DELETE ON escalations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('case');
--> statement-breakpoint
DROP TRIGGER procurement_gate_plans_report_version ON procurement_gate_plans;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurement_gate_plans_report_version AFTER INSERT OR UPDATE OR DELETE ON procurement_gate_plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('procurement_id');
--> statement-breakpoint
DROP TRIGGER procurement_follow_ups_report_version ON procurement_follow_ups;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurement_follow_ups_report_version AFTER INSERT OR UPDATE OR DELETE ON procurement_follow_ups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('procurement_id');
--> statement-breakpoint
DROP TRIGGER annual_plan_items_report_version ON annual_plan_items;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER annual_plan_items_report_version AFTER INSERT OR UPDATE OR DELETE ON annual_plan_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('procurement_id');
--> statement-breakpoint
DROP TRIGGER annual_plans_report_version ON annual_plans;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER annual_plans_report_version AFTER INSERT OR UPDATE OR DELETE ON annual_plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('all');
--> statement-breakpoint
DROP TRIGGER governance_config_report_version ON governance_config;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER governance_config_report_version AFTER INSERT OR UPDATE OR DELETE ON governance_config
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('all');
--> statement-breakpoint
DROP TRIGGER cases_added_or_removed_report_version ON cases;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cases_added_or_removed_report_version AFTER INSERT OR DELETE ON cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed('procurement_id');
--> statement-breakpoint
DROP TRIGGER cases_report_version ON cases;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cases_report_version AFTER UPDATE ON cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.gate IS DISTINCT FROM NEW.gate
    OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.delegated_gate IS DISTINCT FROM NEW.delegated_gate
    OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at OR OLD.procurement_id IS DISTINCT FROM NEW.procurement_id)
  EXECUTE FUNCTION report_data_changed('procurement_id');
