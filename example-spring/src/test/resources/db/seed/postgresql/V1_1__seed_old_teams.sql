-- Test data: rows the deploy-0 code wrote, before the plan column existed.
INSERT INTO teams (name, is_pro) SELECT 'old team ' || x, x % 3 = 0 FROM generate_series(1, 6000) AS x;
