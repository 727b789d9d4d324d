CREATE TABLE "workflows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"variant_key" text DEFAULT '' NOT NULL,
	"version" integer NOT NULL,
	"steps" jsonb NOT NULL,
	"is_active" boolean NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	CONSTRAINT "workflows_procedure_version_key" UNIQUE("procedure_id","variant_key","version")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "workflow" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "current_step" text;--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workflows_one_active_idx" ON "workflows" USING btree ("procedure_id","variant_key") WHERE "workflows"."is_active";