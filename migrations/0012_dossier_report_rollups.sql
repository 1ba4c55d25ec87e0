-- Daily and monthly totals of the dossier report, kept by PostgreSQL in the statement that changes a dossier or adds a
-- rating (issue 4 item 9: the report over a province and twelve months, 1 million dossiers, p95 < 500 ms). The report
-- reads these for whole days and months instead of scanning every dossier of the period
-- (src/modules/dossiers/indicators.ts); they are exact at every commit, not a nightly copy.

-- 1. The working days a settled dossier took, counted in its receiving unit's calendar when the result was ready
--    (working days after counts_from up to the result day, less the days paused; src/modules/dossiers/commands/
--    working-days-taken.ts). NULL for a dossier settled before this column existed until the start-up backfill
--    (fillWorkingDaysTaken) has counted it.
ALTER TABLE dossiers ADD COLUMN working_days_taken integer CHECK (working_days_taken >= 0);

-- 2. Per unit and Vietnam date: dossiers received that day with their index flags, dossiers whose result was ready that
--    day by settlement, and ratings given that day by level.
CREATE TABLE dossier_report_days (
  unit_id bigint NOT NULL REFERENCES units(id),
  day date NOT NULL,
  received integer NOT NULL DEFAULT 0,
  online integer NOT NULL DEFAULT 0,
  paid_online integer NOT NULL DEFAULT 0,
  digitised integer NOT NULL DEFAULT 0,
  electronic_result integer NOT NULL DEFAULT 0,
  reused_documents integer NOT NULL DEFAULT 0,
  same_day integer NOT NULL DEFAULT 0,
  same_day_settled integer NOT NULL DEFAULT 0,
  settled integer NOT NULL DEFAULT 0,
  early integer NOT NULL DEFAULT 0,
  on_time integer NOT NULL DEFAULT 0,
  late integer NOT NULL DEFAULT 0,
  rat_hai_long integer NOT NULL DEFAULT 0,
  hai_long integer NOT NULL DEFAULT 0,
  binh_thuong integer NOT NULL DEFAULT 0,
  khong_hai_long integer NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, day)
);

-- 3. Per unit, month of the result (first day of the Vietnam month) and procedure: settled dossiers with the time
--    they took, for the average time per procedure.
CREATE TABLE dossier_report_procedure_months (
  unit_id bigint NOT NULL REFERENCES units(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  procedure_id bigint NOT NULL REFERENCES procedures(id),
  settled integer NOT NULL DEFAULT 0,
  working_days bigint NOT NULL DEFAULT 0,
  working_days_known integer NOT NULL DEFAULT 0,
  calendar_seconds double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month, procedure_id)
);

-- Adds (sign 1) or removes (sign -1) one dossier's share of the totals.
CREATE FUNCTION dossier_report_apply(r dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_report_days AS t (unit_id, day, received, online, paid_online, digitised, electronic_result, reused_documents,
                                        same_day, same_day_settled)
  VALUES (r.unit_id, r.receipt_day, sign, sign * r.online::int, sign * r.paid_online::int, sign * r.digitised::int,
          sign * r.electronic_result::int, sign * r.reused_documents::int, sign * r.same_day::int, sign * r.same_day_settled::int)
  ON CONFLICT (unit_id, day) DO UPDATE SET
    received = t.received + EXCLUDED.received, online = t.online + EXCLUDED.online, paid_online = t.paid_online + EXCLUDED.paid_online,
    digitised = t.digitised + EXCLUDED.digitised, electronic_result = t.electronic_result + EXCLUDED.electronic_result,
    reused_documents = t.reused_documents + EXCLUDED.reused_documents, same_day = t.same_day + EXCLUDED.same_day,
    same_day_settled = t.same_day_settled + EXCLUDED.same_day_settled;
  IF r.result_at IS NOT NULL THEN
    INSERT INTO dossier_report_days AS t (unit_id, day, settled, early, on_time, late)
    VALUES (r.unit_id, r.result_day, sign, sign * (r.settlement = 'early')::int, sign * (r.settlement = 'on_time')::int,
            sign * (r.settlement = 'late')::int)
    ON CONFLICT (unit_id, day) DO UPDATE SET
      settled = t.settled + EXCLUDED.settled, early = t.early + EXCLUDED.early, on_time = t.on_time + EXCLUDED.on_time,
      late = t.late + EXCLUDED.late;
    INSERT INTO dossier_report_procedure_months AS t (unit_id, month, procedure_id, settled, working_days, working_days_known, calendar_seconds)
    VALUES (r.unit_id, date_trunc('month', r.result_day)::date, r.procedure_id, sign, sign * COALESCE(r.working_days_taken, 0),
            sign * (r.working_days_taken IS NOT NULL)::int, sign * extract(epoch FROM r.result_at - r.received_at))
    ON CONFLICT (unit_id, month, procedure_id) DO UPDATE SET
      settled = t.settled + EXCLUDED.settled, working_days = t.working_days + EXCLUDED.working_days,
      working_days_known = t.working_days_known + EXCLUDED.working_days_known, calendar_seconds = t.calendar_seconds + EXCLUDED.calendar_seconds;
  END IF;
END
$$;

CREATE FUNCTION dossier_report_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- Most updates (assignment, hand-over, notes, version) change nothing the totals count.
    IF (OLD.unit_id, OLD.procedure_id, OLD.receipt_day, OLD.received_at, OLD.online, OLD.paid_online, OLD.digitised,
        OLD.electronic_result, OLD.reused_documents, OLD.same_day, OLD.same_day_settled, OLD.result_at, OLD.settlement,
        OLD.working_days_taken)
       IS NOT DISTINCT FROM
       (NEW.unit_id, NEW.procedure_id, NEW.receipt_day, NEW.received_at, NEW.online, NEW.paid_online, NEW.digitised,
        NEW.electronic_result, NEW.reused_documents, NEW.same_day, NEW.same_day_settled, NEW.result_at, NEW.settlement,
        NEW.working_days_taken) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dossier_report_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dossier_report_apply(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER dossiers_report_rollup AFTER INSERT OR UPDATE OR DELETE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION dossier_report_rollup();

CREATE FUNCTION dossier_rating_apply(r dossier_ratings, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_report_days AS t (unit_id, day, rat_hai_long, hai_long, binh_thuong, khong_hai_long)
  VALUES (r.unit_id, (r.rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, sign * (r.rating = 'rat_hai_long')::int,
          sign * (r.rating = 'hai_long')::int, sign * (r.rating = 'binh_thuong')::int, sign * (r.rating = 'khong_hai_long')::int)
  ON CONFLICT (unit_id, day) DO UPDATE SET
    rat_hai_long = t.rat_hai_long + EXCLUDED.rat_hai_long, hai_long = t.hai_long + EXCLUDED.hai_long,
    binh_thuong = t.binh_thuong + EXCLUDED.binh_thuong, khong_hai_long = t.khong_hai_long + EXCLUDED.khong_hai_long;
END
$$;

CREATE FUNCTION dossier_rating_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM dossier_rating_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dossier_rating_apply(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER dossier_ratings_report_rollup AFTER INSERT OR UPDATE OR DELETE ON dossier_ratings
  FOR EACH ROW EXECUTE FUNCTION dossier_rating_rollup();

-- Recomputes every total from the rows (the backfill below; the bench after a bulk load with the triggers off).
CREATE FUNCTION dossier_report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_report_days;
  DELETE FROM dossier_report_procedure_months;
  INSERT INTO dossier_report_days (unit_id, day, received, online, paid_online, digitised, electronic_result, reused_documents,
                                   same_day, same_day_settled, settled, early, on_time, late,
                                   rat_hai_long, hai_long, binh_thuong, khong_hai_long)
  SELECT unit_id, day, sum(received), sum(online), sum(paid_online), sum(digitised), sum(electronic_result), sum(reused_documents),
         sum(same_day), sum(same_day_settled), sum(settled), sum(early), sum(on_time), sum(late),
         sum(rat_hai_long), sum(hai_long), sum(binh_thuong), sum(khong_hai_long)
  FROM (
    SELECT unit_id, receipt_day AS day, count(*) AS received, count(*) FILTER (WHERE online) AS online,
           count(*) FILTER (WHERE paid_online) AS paid_online, count(*) FILTER (WHERE digitised) AS digitised,
           count(*) FILTER (WHERE electronic_result) AS electronic_result, count(*) FILTER (WHERE reused_documents) AS reused_documents,
           count(*) FILTER (WHERE same_day) AS same_day, count(*) FILTER (WHERE same_day_settled) AS same_day_settled,
           0 AS settled, 0 AS early, 0 AS on_time, 0 AS late, 0 AS rat_hai_long, 0 AS hai_long, 0 AS binh_thuong, 0 AS khong_hai_long
    FROM dossiers GROUP BY unit_id, receipt_day
    UNION ALL
    SELECT unit_id, result_day, 0, 0, 0, 0, 0, 0, 0, 0, count(*), count(*) FILTER (WHERE settlement = 'early'),
           count(*) FILTER (WHERE settlement = 'on_time'), count(*) FILTER (WHERE settlement = 'late'), 0, 0, 0, 0
    FROM dossiers WHERE result_at IS NOT NULL GROUP BY unit_id, result_day
    UNION ALL
    SELECT unit_id, (rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           count(*) FILTER (WHERE rating = 'rat_hai_long'), count(*) FILTER (WHERE rating = 'hai_long'),
           count(*) FILTER (WHERE rating = 'binh_thuong'), count(*) FILTER (WHERE rating = 'khong_hai_long')
    FROM dossier_ratings GROUP BY 1, 2
  ) x
  GROUP BY unit_id, day;
  INSERT INTO dossier_report_procedure_months (unit_id, month, procedure_id, settled, working_days, working_days_known, calendar_seconds)
  SELECT unit_id, date_trunc('month', result_day)::date, procedure_id, count(*), COALESCE(sum(working_days_taken), 0),
         count(working_days_taken), COALESCE(sum(extract(epoch FROM result_at - received_at)), 0)
  FROM dossiers WHERE result_at IS NOT NULL
  GROUP BY 1, 2, 3;
END
$$;

SELECT dossier_report_rebuild();

-- Settled dossiers of the partial months at the ends of a period, per procedure, with the time they took.
CREATE INDEX dossiers_report_settled3_idx ON dossiers(unit_id, result_at)
  INCLUDE (procedure_id, received_at, working_days_taken)
  WHERE result_at IS NOT NULL;
DROP INDEX IF EXISTS dossiers_report_settled2_idx;

-- Returned and not closed at a moment: those never closed, and those closed after it. Plain columns, so the counts come
-- from the indexes alone (PostgreSQL does not answer from an index on COALESCE(closed_at, …) without the heap).
CREATE INDEX dossiers_report_unclosed2_idx ON dossiers(unit_id, returned_at) WHERE returned_at IS NOT NULL AND closed_at IS NULL;
CREATE INDEX dossiers_report_closed_idx ON dossiers(unit_id, closed_at) INCLUDE (returned_at) WHERE returned_at IS NOT NULL AND closed_at IS NOT NULL;
DROP INDEX IF EXISTS dossiers_report_unclosed_idx;

-- Settled dossiers whose working days are not counted yet (the start-up backfill).
CREATE INDEX dossiers_working_days_missing_idx ON dossiers(id) WHERE result_at IS NOT NULL AND working_days_taken IS NULL;
