-- Documentation of accounts and sessions.
COMMENT ON TABLE users IS 'People who sign in: officers (roles per agency in officer_roles) and citizens. Passwords hashed with argon2id.';--> statement-breakpoint
COMMENT ON COLUMN users.is_demo IS 'Demo account seeded outside production (password motcua-demo); production refuses to start while any exists.';--> statement-breakpoint
COMMENT ON TABLE officer_roles IS 'Role of an officer in an agency: desk, handler, leader, clerk, agency_admin, province_admin.';--> statement-breakpoint
COMMENT ON TABLE sessions IS 'Signed-in sessions; the cookie carries a random token, the row only its SHA-256, plus the CSRF token the client echoes in x-csrf-token.';
