CREATE TABLE "master_data_versions" (
	"area" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The spend engine's master-data versions (src/features/spend/spend-kpi.service.ts): each change to what a
-- line's categorisation or an agreement's coverage depends on counts the area's version up, once per
-- transaction, so a request compares two numbers instead of hashing the master tables.
-- Each database starts its counters at a random point, so a spend store saved beside another database
-- (a restore, a copied data folder) is never taken for up to date with this one.
INSERT INTO master_data_versions (area, version)
  VALUES ('categorisation', floor(random() * 1e12)::bigint), ('coverage', floor(random() * 1e12)::bigint);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_master_data_version(area_name text) RETURNS void AS $$
BEGIN
  IF current_setting('styr.master_bumped_' || area_name, true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE master_data_versions SET version = version + 1 WHERE area = area_name;
    PERFORM set_config('styr.master_bumped_' || area_name, txid_current()::text, true);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION master_data_changed() RETURNS trigger AS $$
DECLARE
  area_name text;
BEGIN
  FOREACH area_name IN ARRAY TG_ARGV LOOP
    PERFORM bump_master_data_version(area_name);
  END LOOP;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER categories_master_data AFTER INSERT OR UPDATE OR DELETE ON categories
  FOR EACH ROW EXECUTE FUNCTION master_data_changed('categorisation');
--> statement-breakpoint
CREATE TRIGGER organisations_master_data AFTER INSERT OR UPDATE OR DELETE ON organisations
  FOR EACH ROW EXECUTE FUNCTION master_data_changed('categorisation');
--> statement-breakpoint
CREATE TRIGGER classification_mappings_master_data AFTER INSERT OR UPDATE OR DELETE ON classification_mappings
  FOR EACH ROW EXECUTE FUNCTION master_data_changed('categorisation');
--> statement-breakpoint
CREATE TRIGGER exchange_rates_master_data AFTER INSERT OR UPDATE OR DELETE ON exchange_rates
  FOR EACH ROW EXECUTE FUNCTION master_data_changed('categorisation');
--> statement-breakpoint
CREATE TRIGGER agreement_articles_master_data AFTER INSERT OR UPDATE OR DELETE ON agreement_articles
  FOR EACH ROW EXECUTE FUNCTION master_data_changed('categorisation');
--> statement-breakpoint
CREATE TRIGGER agreement_categories_master_data AFTER INSERT OR UPDATE OR DELETE ON agreement_categories
  FOR EACH ROW EXECUTE FUNCTION master_data_changed('categorisation');
--> statement-breakpoint
CREATE TRIGGER agreement_organisations_master_data AFTER INSERT OR UPDATE OR DELETE ON agreement_organisations
  FOR EACH ROW EXECUTE FUNCTION master_data_changed('coverage');
--> statement-breakpoint
CREATE TRIGGER agreements_added_or_removed_master_data AFTER INSERT OR DELETE ON agreements
  FOR EACH ROW EXECUTE FUNCTION master_data_changed('categorisation', 'coverage');
--> statement-breakpoint
CREATE TRIGGER agreements_identity_master_data AFTER UPDATE ON agreements
  FOR EACH ROW WHEN (OLD.agreement_number IS DISTINCT FROM NEW.agreement_number
    OR OLD.supplier_org_number IS DISTINCT FROM NEW.supplier_org_number
    OR (OLD.status = 'draft') IS DISTINCT FROM (NEW.status = 'draft'))
  EXECUTE FUNCTION master_data_changed('categorisation');
--> statement-breakpoint
CREATE TRIGGER agreements_validity_master_data AFTER UPDATE ON agreements
  FOR EACH ROW WHEN (OLD.valid_from IS DISTINCT FROM NEW.valid_from OR OLD.valid_to IS DISTINCT FROM NEW.valid_to
    OR OLD.scope IS DISTINCT FROM NEW.scope OR OLD.rhf_id IS DISTINCT FROM NEW.rhf_id
    OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION master_data_changed('coverage');
