-- Deploy 1 (expand): the widened plan column, NULL in old rows until Godwit's backfill fills them.
ALTER TABLE teams ADD COLUMN plan VARCHAR(16);
