CREATE TABLE "indicator_month_counts" (
	"province_code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"month" date NOT NULL,
	"measure" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "indicator_month_counts_agency_id_month_measure_pk" PRIMARY KEY("agency_id","month","measure")
);
--> statement-breakpoint
ALTER TABLE "indicator_month_counts" ADD CONSTRAINT "indicator_month_counts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_month_counts_province_idx" ON "indicator_month_counts" USING btree ("province_code","month");--> statement-breakpoint
INSERT INTO "indicator_month_counts" ("province_code", "agency_id", "month", "measure", "value")
SELECT "province_code", "agency_id", date_trunc('month', "day")::date, "measure", sum("value")
  FROM "indicator_day_counts" GROUP BY 1, 2, 3, 4;--> statement-breakpoint
COMMENT ON TABLE "indicator_month_counts" IS 'Indicator aggregates by competent agency, month and measure (no procedure): the sum of the day rows of the month, kept in the same statement as indicator_day_counts and rebuilt from it; whole months of a period are read here';--> statement-breakpoint
COMMENT ON COLUMN "indicator_month_counts"."month" IS 'First day of the local (Asia/Ho_Chi_Minh) month';
