CREATE TABLE "agreement_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"supplier_article_number" text,
	"gtin" text,
	"description" text NOT NULL,
	"unit" text,
	"price" numeric(18, 4),
	"production_country" text,
	"criticality" text
);
--> statement-breakpoint
CREATE TABLE "agreement_categories" (
	"agreement_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	CONSTRAINT "agreement_categories_agreement_id_category_id_pk" PRIMARY KEY("agreement_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_organisations" (
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "agreement_organisations_agreement_id_organisation_id_pk" PRIMARY KEY("agreement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_number" text NOT NULL,
	"name" text NOT NULL,
	"supplier_name" text NOT NULL,
	"supplier_org_number" text NOT NULL,
	"scope" text NOT NULL,
	"rhf_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"extension_options" text,
	"status" text DEFAULT 'active' NOT NULL,
	"procurement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_valid_order" CHECK ("agreements"."valid_to" >= "agreements"."valid_from"),
	CONSTRAINT "agreements_regional_has_rhf" CHECK ("agreements"."scope" <> 'regional' or "agreements"."rhf_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "classification_mappings" (
	"scheme" text NOT NULL,
	"code_prefix" text NOT NULL,
	"category_id" uuid NOT NULL,
	CONSTRAINT "classification_mappings_scheme_code_prefix_pk" PRIMARY KEY("scheme","code_prefix")
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"currency" text NOT NULL,
	"rate_date" date NOT NULL,
	"nok_per_unit" numeric(18, 8) NOT NULL,
	CONSTRAINT "exchange_rates_currency_rate_date_pk" PRIMARY KEY("currency","rate_date")
);
--> statement-breakpoint
ALTER TABLE "agreement_articles" ADD CONSTRAINT "agreement_articles_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_categories" ADD CONSTRAINT "agreement_categories_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_categories" ADD CONSTRAINT "agreement_categories_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_organisations" ADD CONSTRAINT "agreement_organisations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_organisations" ADD CONSTRAINT "agreement_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_rhf_id_organisations_id_fk" FOREIGN KEY ("rhf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_procurement_id_procurements_id_fk" FOREIGN KEY ("procurement_id") REFERENCES "public"."procurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_mappings" ADD CONSTRAINT "classification_mappings_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_articles_agreement_idx" ON "agreement_articles" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_articles_supplier_article_idx" ON "agreement_articles" USING btree ("supplier_article_number");--> statement-breakpoint
CREATE INDEX "agreement_articles_gtin_idx" ON "agreement_articles" USING btree ("gtin");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_number_key" ON "agreements" USING btree ("agreement_number");--> statement-breakpoint
CREATE INDEX "agreements_supplier_idx" ON "agreements" USING btree ("supplier_org_number");