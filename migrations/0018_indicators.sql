CREATE TABLE "indicator_day_counts" (
	"province_code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"procedure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"measure" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "indicator_day_counts_agency_id_day_measure_procedure_id_pk" PRIMARY KEY("agency_id","day","measure","procedure_id")
);
--> statement-breakpoint
ALTER TABLE "indicator_day_counts" ADD CONSTRAINT "indicator_day_counts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_day_counts" ADD CONSTRAINT "indicator_day_counts_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_day_counts_province_idx" ON "indicator_day_counts" USING btree ("province_code","day");