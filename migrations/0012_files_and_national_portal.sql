CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"dossier_id" uuid,
	"component_index" integer,
	"attached_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_size_check" CHECK ("files"."size" > 0),
	CONSTRAINT "files_sha256_check" CHECK ("files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "files_name_check" CHECK (length("files"."name") between 1 and 255),
	CONSTRAINT "files_component_index_check" CHECK ("files"."component_index" >= 0),
	CONSTRAINT "files_attachment_check" CHECK (("files"."dossier_id" is null) = ("files"."component_index" is null) and ("files"."dossier_id" is null) = ("files"."attached_at" is null))
);
--> statement-breakpoint
CREATE TABLE "national_portal_dossiers" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"portal_code" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "national_portal_dossiers_code_key" UNIQUE("portal_code")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_portal_dossiers" ADD CONSTRAINT "national_portal_dossiers_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_uploader_idx" ON "files" USING btree ("uploaded_by","created_at");--> statement-breakpoint
CREATE INDEX "files_dossier_idx" ON "files" USING btree ("dossier_id","component_index");--> statement-breakpoint
CREATE INDEX "files_storage_key_idx" ON "files" USING btree ("storage_key");--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_created_by_check" CHECK ("dossiers"."created_by" is not null or "dossiers"."channel" = 'national_portal');