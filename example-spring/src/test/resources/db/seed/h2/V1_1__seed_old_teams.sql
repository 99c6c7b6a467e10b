-- Test data: rows the deploy-0 code wrote, before the plan column existed.
INSERT INTO teams (name, is_pro) SELECT 'old team ' || X, MOD(X, 3) = 0 FROM SYSTEM_RANGE(1, 6000);
