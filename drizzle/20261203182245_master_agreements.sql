CREATE TABLE "master_agreement_completions" (
	"master_agreement_id" uuid NOT NULL,
	"hf_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"completed_by_name" text NOT NULL,
	CONSTRAINT "master_agreement_completions_master_agreement_id_hf_id_pk" PRIMARY KEY("master_agreement_id","hf_id")
);
--> statement-breakpoint
CREATE TABLE "master_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"created_on" date NOT NULL,
	"created_by_name" text NOT NULL,
	"decision_reference" text,
	"is_signed_by_rhf" boolean DEFAULT false NOT NULL,
	"signed_on" date,
	"signed_by_name" text,
	"maintenance_owner" text DEFAULT 'hfs' NOT NULL,
	"maintenance_transferred_on" date,
	"maintenance_transferred_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "master_article_mappings" (
	"master_agreement_id" uuid NOT NULL,
	"hf_id" uuid NOT NULL,
	"local_article_number" text NOT NULL,
	"master_article_id" uuid NOT NULL,
	CONSTRAINT "master_article_mappings_master_agreement_id_hf_id_local_article_number_pk" PRIMARY KEY("master_agreement_id","hf_id","local_article_number")
);
--> statement-breakpoint
CREATE TABLE "master_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"master_agreement_id" uuid NOT NULL,
	"master_article_number" text NOT NULL,
	"supplier_article_number" text,
	"gtin" text,
	"description" text NOT NULL,
	"unit" text
);
--> statement-breakpoint
ALTER TABLE "master_agreement_completions" ADD CONSTRAINT "master_agreement_completions_master_agreement_id_master_agreements_id_fk" FOREIGN KEY ("master_agreement_id") REFERENCES "public"."master_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_agreement_completions" ADD CONSTRAINT "master_agreement_completions_hf_id_organisations_id_fk" FOREIGN KEY ("hf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_agreements" ADD CONSTRAINT "master_agreements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_agreements" ADD CONSTRAINT "master_agreements_region_id_organisations_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_article_mappings" ADD CONSTRAINT "master_article_mappings_master_agreement_id_master_agreements_id_fk" FOREIGN KEY ("master_agreement_id") REFERENCES "public"."master_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_article_mappings" ADD CONSTRAINT "master_article_mappings_hf_id_organisations_id_fk" FOREIGN KEY ("hf_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_article_mappings" ADD CONSTRAINT "master_article_mappings_master_article_id_master_articles_id_fk" FOREIGN KEY ("master_article_id") REFERENCES "public"."master_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "master_articles" ADD CONSTRAINT "master_articles_master_agreement_id_master_agreements_id_fk" FOREIGN KEY ("master_agreement_id") REFERENCES "public"."master_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "master_agreements_agreement_region_key" ON "master_agreements" USING btree ("agreement_id","region_id");--> statement-breakpoint
CREATE INDEX "master_article_mappings_article_idx" ON "master_article_mappings" USING btree ("master_article_id");--> statement-breakpoint
CREATE UNIQUE INDEX "master_articles_number_key" ON "master_articles" USING btree ("master_agreement_id","master_article_number");