-- Test data: members the old code wrote, before the role's backfill ran.
INSERT INTO members (email, role) VALUES ('ann@example.com', 'ADMIN'), ('bob@example.com', NULL);
