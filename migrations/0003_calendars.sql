CREATE TABLE "calendar_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"year" integer,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"reason" text,
	"details" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_changes_action_check" CHECK ("calendar_changes"."action" in ('settings_updated', 'entry_added', 'entry_removed', 'year_confirmed'))
);
--> statement-breakpoint
CREATE TABLE "calendar_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"legal_reference" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_by" text,
	"removed_at" timestamp with time zone,
	"removed_reason" text,
	CONSTRAINT "calendar_entries_kind_check" CHECK ("calendar_entries"."kind" in ('holiday', 'compensatory_day_off', 'day_off', 'make_up_workday')),
	CONSTRAINT "calendar_entries_removed_check" CHECK (("calendar_entries"."removed_at" is null) = ("calendar_entries"."removed_by" is null))
);
--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"province_code" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"revision" integer NOT NULL,
	"days" jsonb NOT NULL,
	"confirmed_by" text NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	CONSTRAINT "calendar_years_province_code_year_pk" PRIMARY KEY("province_code","year"),
	CONSTRAINT "calendar_years_year_check" CHECK ("calendar_years"."year" between 1990 and 2200)
);
--> statement-breakpoint
CREATE INDEX "calendar_changes_province_idx" ON "calendar_changes" USING btree ("province_code","at");--> statement-breakpoint
CREATE INDEX "calendar_entries_province_date_idx" ON "calendar_entries" USING btree ("province_code","date");