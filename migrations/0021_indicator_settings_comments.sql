COMMENT ON TABLE indicator_settings IS 'A province''s reading of the UNCERTAIN indicator rules (issue #6): a partial IndicatorSettings (src/shared/indicators/settings.ts) merged over the defaults';--> statement-breakpoint
COMMENT ON COLUMN indicator_settings.settings IS 'Partial IndicatorSettings as JSON: on-time endings, 766 thresholds and points, rating bands';--> statement-breakpoint
COMMENT ON COLUMN indicator_settings.version IS 'Optimistic concurrency: an update names the version it saw';
