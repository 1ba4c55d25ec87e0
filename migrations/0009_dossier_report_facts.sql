-- Facts of the dossier report kept on the rows it reads (issue 4 items 8 and 9: GET /api/v1/reports/dossiers over a
-- province subtree and twelve months answered in p95 < 500 ms over 1 million dossiers, bench/dossiers.ts). Every
-- figure stays what 0008's queries computed; only where the facts are read from changes
-- (src/modules/dossiers/indicators.ts).

-- 1. The settlement of a dossier, derived from its own row: PostgreSQL keeps these up to date on every insert and
--    update of the row (an extension bumps extension_count and the classification follows in the same statement), so
--    the report reads a stored value instead of converting time zones for every row. Same rules as
--    rules/indicators.ts classifySettlement: any extension or a result after the due moment is late; otherwise a
--    result on a Vietnam date before the due date is early, else on time.
ALTER TABLE dossiers
  ADD COLUMN result_day date GENERATED ALWAYS AS ((result_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) STORED,
  ADD COLUMN settlement text GENERATED ALWAYS AS (
    CASE
      WHEN result_at IS NULL THEN NULL
      WHEN extension_count > 0 OR result_at > due_at THEN 'late'
      WHEN (result_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < due_date THEN 'early'
      ELSE 'on_time'
    END) STORED,
  -- A same-day dossier whose result was ready on the Vietnam date it was received.
  ADD COLUMN same_day_settled boolean GENERATED ALWAYS AS (
    COALESCE(same_day AND (result_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = receipt_day, false)) STORED;

-- 2. Apology documents and ratings carry the receiving unit of their dossier (dossiers.unit_id never changes: hand-overs
--    move processing_unit_id), so counting them per unit and period no longer joins a million dossiers. Filled from
--    the dossier when the row is inserted, in the same transaction, whoever inserts it.
ALTER TABLE dossier_extensions ADD COLUMN unit_id bigint REFERENCES units(id);
ALTER TABLE dossier_ratings ADD COLUMN unit_id bigint REFERENCES units(id);
UPDATE dossier_extensions x SET unit_id = d.unit_id FROM dossiers d WHERE d.id = x.dossier_id;
UPDATE dossier_ratings r SET unit_id = d.unit_id FROM dossiers d WHERE d.id = r.dossier_id;
ALTER TABLE dossier_extensions ALTER COLUMN unit_id SET NOT NULL;
ALTER TABLE dossier_ratings ALTER COLUMN unit_id SET NOT NULL;

CREATE FUNCTION dossier_child_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT d.unit_id INTO NEW.unit_id FROM dossiers d WHERE d.id = NEW.dossier_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER dossier_extensions_unit BEFORE INSERT ON dossier_extensions FOR EACH ROW EXECUTE FUNCTION dossier_child_unit();
CREATE TRIGGER dossier_ratings_unit BEFORE INSERT ON dossier_ratings FOR EACH ROW EXECUTE FUNCTION dossier_child_unit();

-- 3. Indexes the report scans, each one range per unit, answered from the index alone (index-only scans).
-- Received in the period: counts, index flags and same-day results.
CREATE INDEX dossiers_report_received2_idx ON dossiers(unit_id, received_at)
  INCLUDE (online, paid_online, digitised, electronic_result, reused_documents, same_day, same_day_settled);
DROP INDEX IF EXISTS dossiers_report_received_idx;

-- Settled in the period, per procedure: the classification and what the time taken needs.
CREATE INDEX dossiers_report_settled2_idx ON dossiers(unit_id, result_at)
  INCLUDE (procedure_id, settlement, result_day, received_at, counts_from, paused_working_days)
  WHERE result_at IS NOT NULL;
DROP INDEX IF EXISTS dossiers_report_settled_idx;

-- Returned and not closed at a moment: ordered by when the dossier was closed ('infinity' while open), so the scan
-- reads only the dossiers still open at that moment instead of every dossier returned in the period.
CREATE INDEX dossiers_report_unclosed_idx ON dossiers(unit_id, (COALESCE(closed_at, 'infinity'::timestamptz)))
  INCLUDE (returned_at) WHERE returned_at IS NOT NULL;
DROP INDEX IF EXISTS dossiers_report_returned_idx;

-- Apology documents issued and ratings given in the period, per unit.
CREATE INDEX dossier_extensions_unit_issued_idx ON dossier_extensions(unit_id, issued_at);
CREATE INDEX dossier_ratings_unit_rated_idx ON dossier_ratings(unit_id, rated_at) INCLUDE (rating);
DROP INDEX IF EXISTS dossier_extensions_issued_idx;
DROP INDEX IF EXISTS dossier_ratings_rated_idx;
