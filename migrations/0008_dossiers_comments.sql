-- Documentation of dossiers, their action log, code counters and the outbox.
COMMENT ON TABLE dossiers IS 'Dossiers (hồ sơ). status / national_status are derived from dossier_actions by the pure reducer of src/shared/dossiers and cached here in the same transaction; version is the optimistic-concurrency counter.';--> statement-breakpoint
COMMENT ON COLUMN dossiers.province_code IS 'Province of the receiving agency: the leading key for partitioning or distribution.';--> statement-breakpoint
COMMENT ON COLUMN dossiers.code IS 'Dossier code <competent agency code>-YYMMDD-XXXX, assigned when the dossier is received (null before).';--> statement-breakpoint
COMMENT ON COLUMN dossiers.channel IS 'in_person (desk), online (our portal), national_portal (DVCQG), post.';--> statement-breakpoint
COMMENT ON COLUMN dossiers.duration IS 'The legal duration {value, unit} frozen at receipt from the procedure version and channel.';--> statement-breakpoint
COMMENT ON COLUMN dossiers.first_due_at IS 'The appointment on the receipt (Form 01); frozen.';--> statement-breakpoint
COMMENT ON COLUMN dossiers.due_at IS 'The legal deadline now (moves only by the clock rules: supplement restart, payment pause, extension); null while paused.';--> statement-breakpoint
COMMENT ON COLUMN dossiers.acceptance_due_at IS 'For online dossiers: when the desk must have accepted or refused (8 working hours).';--> statement-breakpoint
COMMENT ON TABLE dossier_actions IS 'Append-only log of every action on a dossier: who, in which role and agency, when, from/to status, payload; request_id makes retries return the first result.';--> statement-breakpoint
COMMENT ON TABLE dossier_code_counters IS 'Daily sequence per agency behind dossier codes; incremented in the receiving transaction, so a rollback leaves no gap.';--> statement-breakpoint
COMMENT ON TABLE outbox IS 'Side effects (notifications) queued in the same transaction as the change; a worker sends them later.';
