-- Extensions and text functions that the generated schema relies on. Runs on PostgreSQL 15+ and PGlite.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE (it reads a dictionary); this wrapper names the dictionary so it can be IMMUTABLE
-- and used in generated columns and indexes.
CREATE OR REPLACE FUNCTION motcua_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT unaccent('unaccent'::regdictionary, value) $$;--> statement-breakpoint
-- The one normalisation for diacritic-insensitive search: NFC, no diacritics (đ → d), lower case, single spaces.
CREATE OR REPLACE FUNCTION motcua_normalize(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(motcua_unaccent(normalize(value, NFC))), '\s+', ' ', 'g')) $$;--> statement-breakpoint
COMMENT ON FUNCTION motcua_normalize(text) IS 'Search key: NFC, diacritics removed (đ → d), lower case, whitespace collapsed. Used by every search_text column and by queries.';
