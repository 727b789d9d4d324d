CREATE TABLE "admin_unit_successions" (
	"old_unit_id" uuid NOT NULL,
	"new_unit_id" uuid NOT NULL,
	"merge_type" text NOT NULL,
	"effective_on" date NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "admin_unit_successions_old_unit_id_new_unit_id_pk" PRIMARY KEY("old_unit_id","new_unit_id"),
	CONSTRAINT "admin_unit_successions_merge_type_check" CHECK ("admin_unit_successions"."merge_type" in ('full', 'partial'))
);
--> statement-breakpoint
CREATE TABLE "admin_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"type" text NOT NULL,
	"type_name" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text,
	"parent_code" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"search_text" text GENERATED ALWAYS AS (motcua_normalize(full_name)) STORED,
	CONSTRAINT "admin_units_code_valid_from_key" UNIQUE("code","valid_from"),
	CONSTRAINT "admin_units_level_check" CHECK ("admin_units"."level" in ('province', 'district', 'commune')),
	CONSTRAINT "admin_units_type_check" CHECK ("admin_units"."type" in ('province', 'municipality', 'rural_district', 'urban_district', 'district_town', 'provincial_city', 'municipal_city', 'commune', 'ward', 'township', 'special_zone')),
	CONSTRAINT "admin_units_valid_range_check" CHECK ("admin_units"."valid_to" is null or "admin_units"."valid_to" > "admin_units"."valid_from"),
	CONSTRAINT "admin_units_parent_check" CHECK (("admin_units"."level" = 'province') = ("admin_units"."parent_code" is null))
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"is_code_placeholder" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"unit_code" text NOT NULL,
	"parent_id" uuid,
	"valid_from" date,
	"valid_to" date,
	"seed_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (motcua_normalize(name)) STORED,
	CONSTRAINT "agencies_code_key" UNIQUE("code"),
	CONSTRAINT "agencies_seed_key_key" UNIQUE("seed_key"),
	CONSTRAINT "agencies_code_format_check" CHECK ("agencies"."code" is null or "agencies"."code" ~ '^[0-9A-Z.]{1,35}$'),
	CONSTRAINT "agencies_type_check" CHECK ("agencies"."type" in ('province_committee', 'department', 'district_committee', 'commune_committee', 'service_centre', 'one_stop_desk', 'vertical_agency', 'ministry', 'other'))
);
--> statement-breakpoint
CREATE TABLE "agency_procedures" (
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "agency_procedures_agency_id_procedure_id_pk" PRIMARY KEY("agency_id","procedure_id"),
	CONSTRAINT "agency_procedures_role_check" CHECK ("agency_procedures"."role" in ('implementing', 'competent', 'receiving'))
);
--> statement-breakpoint
CREATE TABLE "import_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_kind" text NOT NULL,
	"source_file" text NOT NULL,
	"line" integer,
	"severity" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_issues_severity_check" CHECK ("import_issues"."severity" in ('warning', 'error'))
);
--> statement-breakpoint
CREATE TABLE "procedure_channel_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"variant_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"channel" text NOT NULL,
	"duration_value" numeric,
	"duration_unit" text,
	"duration_text" text,
	"fee_text" text,
	"fee_amounts_vnd" bigint[] NOT NULL,
	"is_free" boolean NOT NULL,
	"note" text,
	CONSTRAINT "procedure_channel_options_variant_seq_key" UNIQUE("variant_id","seq"),
	CONSTRAINT "procedure_channel_options_channel_check" CHECK ("procedure_channel_options"."channel" in ('in_person', 'online', 'post')),
	CONSTRAINT "procedure_channel_options_unit_check" CHECK ("procedure_channel_options"."duration_unit" is null or "procedure_channel_options"."duration_unit" in ('hours', 'working_hours', 'working_days', 'calendar_days', 'months')),
	CONSTRAINT "procedure_channel_options_duration_check" CHECK ("procedure_channel_options"."duration_value" is null or "procedure_channel_options"."duration_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "procedure_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean NOT NULL,
	CONSTRAINT "procedure_variants_version_seq_key" UNIQUE("version_id","seq")
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"national_code" text,
	"name" text NOT NULL,
	"field" text,
	"levels" text[] NOT NULL,
	"managing_ministry" text,
	"decision" text,
	"procedure_type" text,
	"applicant_types" text[] NOT NULL,
	"competent_agency_text" text,
	"implementing_agency_text" text,
	"coordinating_agency_text" text,
	"steps" text,
	"dossier_text" text,
	"components" jsonb NOT NULL,
	"conditions" text,
	"result" text,
	"legal_basis" text,
	"forms_text" text,
	"online_level_old" smallint,
	"online_level" text,
	"source_url" text,
	"raw" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (motcua_normalize(coalesce(national_code, '') || ' ' || name || ' ' || coalesce(field, ''))) STORED,
	CONSTRAINT "procedure_versions_procedure_version_key" UNIQUE("procedure_id","version"),
	CONSTRAINT "procedure_versions_online_level_old_check" CHECK ("procedure_versions"."online_level_old" is null or "procedure_versions"."online_level_old" between 1 and 4),
	CONSTRAINT "procedure_versions_online_level_check" CHECK ("procedure_versions"."online_level" is null or "procedure_versions"."online_level" in ('full', 'partial'))
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_key" text NOT NULL,
	"national_code" text,
	"current_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_source_key_key" UNIQUE("source","source_key"),
	CONSTRAINT "procedures_source_check" CHECK ("procedures"."source" in ('dvcqg', 'hanoi_ict_2022', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "system_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admin_unit_successions" ADD CONSTRAINT "admin_unit_successions_old_unit_id_admin_units_id_fk" FOREIGN KEY ("old_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_unit_successions" ADD CONSTRAINT "admin_unit_successions_new_unit_id_admin_units_id_fk" FOREIGN KEY ("new_unit_id") REFERENCES "public"."admin_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_procedures" ADD CONSTRAINT "agency_procedures_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_procedures" ADD CONSTRAINT "agency_procedures_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_channel_options" ADD CONSTRAINT "procedure_channel_options_variant_id_procedure_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."procedure_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_variants" ADD CONSTRAINT "procedure_variants_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_unit_successions_new_idx" ON "admin_unit_successions" USING btree ("new_unit_id");--> statement-breakpoint
CREATE INDEX "admin_units_parent_idx" ON "admin_units" USING btree ("parent_code","valid_from");--> statement-breakpoint
CREATE INDEX "admin_units_code_idx" ON "admin_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "admin_units_search_idx" ON "admin_units" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "agencies_unit_idx" ON "agencies" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "agencies_search_idx" ON "agencies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "agency_procedures_procedure_idx" ON "agency_procedures" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "import_issues_kind_idx" ON "import_issues" USING btree ("import_kind","created_at");--> statement-breakpoint
CREATE INDEX "procedure_versions_field_idx" ON "procedure_versions" USING btree ("field");--> statement-breakpoint
CREATE INDEX "procedure_versions_procedure_idx" ON "procedure_versions" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "procedure_versions_search_idx" ON "procedure_versions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "procedure_versions_levels_idx" ON "procedure_versions" USING gin ("levels");--> statement-breakpoint
CREATE INDEX "procedures_national_code_idx" ON "procedures" USING btree ("national_code");