-- Documentation of the legal clock's tables.
COMMENT ON TABLE calendar_settings IS 'Legal-clock settings of a province (working hours, rest days, and the rules marked UNCERTAIN in REGULATIONS.md); version increases on every calendar change.';--> statement-breakpoint
COMMENT ON COLUMN calendar_settings.settings IS 'CalendarSettings of src/shared/calendar/settings.ts, complete (defaults filled in).';--> statement-breakpoint
COMMENT ON TABLE calendar_entries IS 'Dated entries an administrator adds (announced day off, make-up working Saturday, swap), with legal reference and reason; removed entries are kept with who/when/why.';--> statement-breakpoint
COMMENT ON COLUMN calendar_entries.kind IS 'holiday | compensatory_day_off | day_off | make_up_workday; overrides the rule for that date.';--> statement-breakpoint
COMMENT ON TABLE calendar_years IS 'Confirmed calendar years: the frozen list of non-ordinary days in force. Unconfirmed years are computed from rules + entries and flagged provisional.';--> statement-breakpoint
COMMENT ON COLUMN calendar_years.revision IS 'Increases each time the year is (re-)confirmed.';--> statement-breakpoint
COMMENT ON TABLE calendar_changes IS 'Append-only log of calendar changes: who, when, why, what.';
