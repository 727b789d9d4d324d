COMMENT ON TABLE dossier_drafts IS 'A citizen''s unfinished online application (the e-form as last saved), to finish and file later; deleted when filed';--> statement-breakpoint
COMMENT ON COLUMN dossier_drafts.data IS 'The e-form as the web app saved it (applicant, components, uploaded file ids); checked only when filed';--> statement-breakpoint
COMMENT ON COLUMN dossier_drafts.version IS 'Optimistic concurrency: a save names the version it read; another tab''s newer save wins and the stale one gets 409';--> statement-breakpoint
COMMENT ON TABLE dossier_ratings IS 'The applicant''s rating of the service (1-5) after the result is ready; one per dossier, feeds the service index';--> statement-breakpoint
COMMENT ON TABLE jobs IS 'A long-running administrative job (kind e.g. catalogue_import): progress (done of total) and outcome, polled by the web app';--> statement-breakpoint
COMMENT ON COLUMN jobs.status IS 'queued, running, succeeded, failed (error says why)';--> statement-breakpoint
COMMENT ON COLUMN files.purpose IS 'component: a document of the dossier (component_index says which); result: the electronic result issued by the agency';
