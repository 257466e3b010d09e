CREATE TABLE "report_versions" (
	"area" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The portfolio report's version (src/features/reporting/report-cache.ts): every change to a table the report
-- reads counts it up once per transaction. The triggers are deferred to commit, so the counter's row lock is
-- held only for the last moment of the transaction (as the audit chain's), not from the first write on.
-- Each database starts at a random point, so a cache kept across a restore never takes the new data for the old.
INSERT INTO report_versions (area, version) VALUES ('portfolio', floor(random() * 1e12)::bigint);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_data_changed() RETURNS trigger AS $$
BEGIN
  IF current_setting('styr.report_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE report_versions SET version = version + 1 WHERE area = 'portfolio';
    PERFORM set_config('styr.report_bumped', txid_current()::text, true);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurements_report_version AFTER INSERT OR UPDATE OR DELETE ON procurements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurement_participants_report_version AFTER INSERT OR UPDATE OR DELETE ON procurement_participants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER categories_report_version AFTER INSERT OR UPDATE OR DELETE ON categories
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organisations_report_version AFTER INSERT OR UPDATE OR DELETE ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER steering_groups_report_version AFTER INSERT OR UPDATE OR DELETE ON steering_groups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER steering_group_coverage_report_version AFTER INSERT OR UPDATE OR DELETE ON steering_group_coverage
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER risk_assessments_report_version AFTER INSERT OR UPDATE OR DELETE ON risk_assessments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER significance_decisions_report_version AFTER INSERT OR UPDATE OR DELETE ON significance_decisions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurement_gates_report_version AFTER INSERT OR UPDATE OR DELETE ON procurement_gates
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER delegations_report_version AFTER INSERT OR UPDATE OR DELETE ON delegations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER escalations_report_version AFTER INSERT OR UPDATE OR DELETE ON escalations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurement_gate_plans_report_version AFTER INSERT OR UPDATE OR DELETE ON procurement_gate_plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER procurement_follow_ups_report_version AFTER INSERT OR UPDATE OR DELETE ON procurement_follow_ups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER annual_plan_items_report_version AFTER INSERT OR UPDATE OR DELETE ON annual_plan_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER annual_plans_report_version AFTER INSERT OR UPDATE OR DELETE ON annual_plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER governance_config_report_version AFTER INSERT OR UPDATE OR DELETE ON governance_config
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER implementation_plans_report_version AFTER INSERT OR UPDATE OR DELETE ON implementation_plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER implementation_items_report_version AFTER INSERT OR UPDATE OR DELETE ON implementation_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agreements_report_version AFTER INSERT OR UPDATE OR DELETE ON agreements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER cases_added_or_removed_report_version AFTER INSERT OR DELETE ON cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_data_changed();
--> statement-breakpoint
-- A vote refreshes the case's electorate; only what the report reads of a case counts.
CREATE CONSTRAINT TRIGGER cases_report_version AFTER UPDATE ON cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.gate IS DISTINCT FROM NEW.gate
    OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.delegated_gate IS DISTINCT FROM NEW.delegated_gate
    OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at OR OLD.procurement_id IS DISTINCT FROM NEW.procurement_id)
  EXECUTE FUNCTION report_data_changed();
