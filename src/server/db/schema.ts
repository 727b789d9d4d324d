// The database schema: source of truth for drizzle-kit's generated migrations (see docs/DATABASE.md), one file per
// area under schema/. Import tables from here.
export * from './schema/accounts.ts';
export * from './schema/calendars.ts';
export * from './schema/catalogue.ts';
export * from './schema/dossiers.ts';
export * from './schema/filing.ts';
export * from './schema/system.ts';
export * from './schema/indicators.ts';
