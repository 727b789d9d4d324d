-- Documentation of uploaded files and of dossiers received from the national portal (DVCQG).
COMMENT ON TABLE files IS 'Uploaded files (dossier component documents). The bytes are in the file store (FILE_STORE, by default DATA_DIR/files), content-addressed by SHA-256; a row is attached to at most one dossier component, in the transaction that files the dossier or its supplement.';--> statement-breakpoint
COMMENT ON COLUMN files.uploaded_by IS 'The signed-in user who uploaded the file; only they may attach it to a dossier.';--> statement-breakpoint
COMMENT ON COLUMN files.name IS 'The file name the uploader gave (shown and used on download); never used as a path.';--> statement-breakpoint
COMMENT ON COLUMN files.media_type IS 'The media type detected from the content (magic bytes), not the name or the client''s Content-Type; only allowed types are stored.';--> statement-breakpoint
COMMENT ON COLUMN files.size IS 'Size in bytes (at most UPLOAD_MAX_BYTES when uploaded).';--> statement-breakpoint
COMMENT ON COLUMN files.sha256 IS 'SHA-256 of the content, lower-case hex, computed while streaming.';--> statement-breakpoint
COMMENT ON COLUMN files.storage_key IS 'Key of the content in the file store; identical contents share one key, so the content is deleted only when no row uses it.';--> statement-breakpoint
COMMENT ON COLUMN files.dossier_id IS 'The dossier the file is attached to; null until attached.';--> statement-breakpoint
COMMENT ON COLUMN files.component_index IS 'Index of the component in dossiers.components the file belongs to (0-based); set with dossier_id.';--> statement-breakpoint
COMMENT ON TABLE national_portal_dossiers IS 'Dossiers received from the national portal (DVCQG) through POST /api/integration/dvcqg/dossiers: one row per portal dossier code, which makes a repeated submission return the same dossier.';--> statement-breakpoint
COMMENT ON COLUMN national_portal_dossiers.portal_code IS 'MaHoSo: the dossier code the national portal gave; used to sync statuses back later.';--> statement-breakpoint
COMMENT ON COLUMN national_portal_dossiers.submitted_at IS 'NgayNopHoSo: when the applicant submitted on the portal (sent as yyyyMMddHHmmss, Vietnam time).';--> statement-breakpoint
COMMENT ON COLUMN national_portal_dossiers.payload IS 'The request body exactly as the portal sent it (all DVCQG fields, including those not mapped yet).';--> statement-breakpoint
COMMENT ON COLUMN national_portal_dossiers.received_at IS 'When this system received it; the 8-working-hour acceptance deadline counts from here (ND 118 Art. 17.2).';--> statement-breakpoint
COMMENT ON COLUMN dossiers.created_by IS 'The user who filed the dossier (citizen or desk officer); null only for dossiers received from the national portal.';
