CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "procurements_name_idx" ON "procurements" USING btree ("name","id");