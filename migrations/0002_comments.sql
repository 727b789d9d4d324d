-- Documentation in the database itself, and the one foreign key drizzle-kit cannot express (a cycle).
ALTER TABLE procedures ADD CONSTRAINT procedures_current_version_fk
  FOREIGN KEY (current_version_id) REFERENCES procedure_versions (id);--> statement-breakpoint
COMMENT ON TABLE admin_units IS 'Administrative units (đơn vị hành chính) as dated versions: a row is valid on [valid_from, valid_to). The same statistics-office code can name different units in different periods.';--> statement-breakpoint
COMMENT ON COLUMN admin_units.code IS 'Official statistics-office code (2 digits province, 3 district, 5 commune).';--> statement-breakpoint
COMMENT ON COLUMN admin_units.level IS 'province | district (only before 2025-07-01) | commune.';--> statement-breakpoint
COMMENT ON COLUMN admin_units.type IS 'province (tỉnh), municipality (thành phố trực thuộc TW), urban_district (quận), rural_district (huyện), district_town (thị xã), provincial_city / municipal_city (thành phố thuộc tỉnh / thuộc TP), ward (phường), commune (xã), township (thị trấn), special_zone (đặc khu).';--> statement-breakpoint
COMMENT ON COLUMN admin_units.parent_code IS 'Code of the parent unit as of the same date (district before 2025-07-01, province after); null for provinces.';--> statement-breakpoint
COMMENT ON COLUMN admin_units.valid_to IS 'Exclusive end of validity; null while the unit still exists.';--> statement-breakpoint
COMMENT ON COLUMN admin_units.search_text IS 'motcua_normalize(full_name): diacritic-free lower-case search key.';--> statement-breakpoint
COMMENT ON TABLE admin_unit_successions IS 'Old unit → new unit of a reorganisation; merge_type full = the whole old unit, partial = part of it.';--> statement-breakpoint
COMMENT ON TABLE import_issues IS 'Rows of source files that an importer could not use as they were, with file, line and reason.';--> statement-breakpoint
COMMENT ON TABLE agencies IS 'State agencies (cơ quan, đơn vị) with an explicit parent; the code is never inferred from the hierarchy.';--> statement-breakpoint
COMMENT ON COLUMN agencies.code IS 'Electronic identifier (mã định danh điện tử, QĐ 20/2020): opaque, up to 35 of 0-9, A-Z and dots.';--> statement-breakpoint
COMMENT ON COLUMN agencies.is_code_placeholder IS 'True while the code is a demo placeholder (TMP.…) and not the official identifier; an administrator replaces it.';--> statement-breakpoint
COMMENT ON COLUMN agencies.unit_code IS 'Code of the administrative unit the agency serves.';--> statement-breakpoint
COMMENT ON COLUMN agencies.seed_key IS 'Stable key of a seeded agency, so re-seeding updates instead of duplicating.';--> statement-breakpoint
COMMENT ON TABLE procedures IS 'Administrative procedures (thủ tục hành chính) as stable identities; content is in procedure_versions.';--> statement-breakpoint
COMMENT ON COLUMN procedures.source_key IS 'Key within the source: the national code, or the source''s own id, or a name key when both are missing.';--> statement-breakpoint
COMMENT ON COLUMN procedures.national_code IS 'National TTHC code (e.g. 1.001193); null when the source does not give it. Never guessed.';--> statement-breakpoint
COMMENT ON TABLE procedure_versions IS 'Immutable versions of a procedure; a changed source record creates a new version and dossiers keep theirs.';--> statement-breakpoint
COMMENT ON COLUMN procedure_versions.content_hash IS 'SHA-256 of the normalised source record; equal hash = unchanged on re-import.';--> statement-breakpoint
COMMENT ON COLUMN procedure_versions.levels IS 'ministry | province | district | commune | other.';--> statement-breakpoint
COMMENT ON COLUMN procedure_versions.components IS 'Dossier components parsed from the source text: [{ name, quantity }].';--> statement-breakpoint
COMMENT ON COLUMN procedure_versions.online_level_old IS 'Online service level 1–4 of ND 43/2011 (historical), when the source gives it.';--> statement-breakpoint
COMMENT ON COLUMN procedure_versions.online_level IS 'full (toàn trình) or partial (một phần) online service, when the source gives it.';--> statement-breakpoint
COMMENT ON COLUMN procedure_versions.raw IS 'The source record as imported, for audit and re-parsing.';--> statement-breakpoint
COMMENT ON TABLE procedure_variants IS 'Cases (trường hợp) of a procedure version; every version has one default variant.';--> statement-breakpoint
COMMENT ON TABLE procedure_channel_options IS 'Channel (in_person, online, post) of a variant with its legal duration and fees.';--> statement-breakpoint
COMMENT ON COLUMN procedure_channel_options.duration_unit IS 'hours | working_hours | working_days | calendar_days | months; null when the source gives none.';--> statement-breakpoint
COMMENT ON COLUMN procedure_channel_options.fee_amounts_vnd IS 'Amounts in VND found in the fee text; the text itself is authoritative.';--> statement-breakpoint
COMMENT ON TABLE agency_procedures IS 'The procedures each agency receives or implements (its published catalogue).';--> statement-breakpoint
COMMENT ON TABLE system_state IS 'Facts about this installation, e.g. seed completion.';
