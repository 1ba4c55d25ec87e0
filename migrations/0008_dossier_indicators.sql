-- Indexes for the dossier report (issue 4 item 8: GET /api/v1/reports/dossiers, src/modules/dossiers/indicators.ts).
-- Each of the report's aggregate queries reads one range of one index per unit; the INCLUDE columns let PostgreSQL
-- answer from the index alone once autovacuum has marked the pages all-visible (measured with EXPLAIN ANALYZE over
-- 1 million generated dossiers: bench/dossiers.ts).

-- Received in the period: counts and the index flags (0005 has (unit_id, received_at) without the flags).
CREATE INDEX dossiers_report_received_idx ON dossiers(unit_id, received_at)
  INCLUDE (online, paid_online, digitised, electronic_result, reused_documents, same_day, result_at, receipt_day);
DROP INDEX IF EXISTS dossiers_received_idx;

-- Settled (result ready) in the period: early / on time / late and the time taken, per procedure.
CREATE INDEX dossiers_report_settled_idx ON dossiers(unit_id, result_at)
  INCLUDE (procedure_id, received_at, counts_from, paused_working_days, extension_count, due_at, due_date)
  WHERE result_at IS NOT NULL;

-- In progress at a moment: received before it and not settled, refused or ended by then ('infinity' while open).
CREATE INDEX dossiers_report_open_idx ON dossiers(unit_id, (COALESCE(result_at, refused_at, ended_at, 'infinity'::timestamptz)))
  INCLUDE (received_at, due_at, extension_count, status);

-- Returned in the period and not closed.
CREATE INDEX dossiers_report_returned_idx ON dossiers(unit_id, returned_at) INCLUDE (closed_at) WHERE returned_at IS NOT NULL;

-- Apology documents issued and ratings given in the period.
CREATE INDEX dossier_extensions_issued_idx ON dossier_extensions(issued_at) INCLUDE (dossier_id);
CREATE INDEX dossier_ratings_rated_idx ON dossier_ratings(rated_at) INCLUDE (dossier_id, rating);
