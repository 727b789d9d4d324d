CREATE TABLE "dossier_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"position" smallint NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	"agency_id" uuid NOT NULL,
	"request" text NOT NULL,
	"requested_by" uuid,
	"requested_seq" integer NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone,
	"answer" text,
	"answered_by" uuid,
	"answered_seq" integer,
	"answered_at" timestamp with time zone,
	CONSTRAINT "dossier_tasks_kind_check" CHECK ("dossier_tasks"."kind" in ('consultation', 'inter_agency')),
	CONSTRAINT "dossier_tasks_mode_check" CHECK ("dossier_tasks"."mode" in ('parallel', 'sequential')),
	CONSTRAINT "dossier_tasks_status_check" CHECK ("dossier_tasks"."status" in ('waiting', 'open', 'answered')),
	CONSTRAINT "dossier_tasks_answer_check" CHECK (("dossier_tasks"."status" = 'answered') = ("dossier_tasks"."answered_at" is not null)),
	CONSTRAINT "dossier_tasks_opened_check" CHECK (("dossier_tasks"."status" = 'waiting') = ("dossier_tasks"."opened_at" is null))
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "task_agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_tasks" ADD CONSTRAINT "dossier_tasks_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_tasks" ADD CONSTRAINT "dossier_tasks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_tasks" ADD CONSTRAINT "dossier_tasks_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_tasks" ADD CONSTRAINT "dossier_tasks_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_tasks_dossier_idx" ON "dossier_tasks" USING btree ("dossier_id","requested_seq","position");--> statement-breakpoint
CREATE INDEX "dossier_tasks_open_idx" ON "dossier_tasks" USING btree ("agency_id","due_at") WHERE "dossier_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "dossiers_task_agencies_idx" ON "dossiers" USING gin ("task_agency_ids");