-- Working calendar: dated entries (holidays, days off, make-up working days) and yearly notices.
--
-- How a unit's calendar is built (src/modules/calendar/rules/calendar-spec.ts):
--   1. The unit's weekly rest days (units.weekend_days).
--   2. Statutory holidays (Bộ luật Lao động 2019, Điều 112) generated per year 2021–2100, with the
--      compensatory days of Điều 111.3. When a year has a notice with replaces_statutory (national, or of the
--      unit or one of its ancestors), only the fixed-date holidays (1/1, 10/3 lunar, 30/4, 1/5, 2/9) are
--      generated for that year: Tết, the day next to 2/9, compensatory days and swaps come from its entries.
--   3. calendar_entries: national (unit_id NULL), then each ancestor from the root down, then the unit itself;
--      on the same date the more specific entry wins, and any entry beats a generated statutory day.

CREATE TABLE calendar_entries (
  id bigserial PRIMARY KEY,
  unit_id bigint REFERENCES units(id),            -- NULL: national (every unit)
  date date NOT NULL CHECK (date BETWEEN '1900-01-01' AND '2100-12-31'),
  kind text NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working_override')),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),   -- Vietnamese reason shown to users
  notice text CHECK (notice IS NULL OR length(notice) BETWEEN 2 AND 300),  -- e.g. 'Thông báo 9441/TB-BNV'
  source text NOT NULL CHECK (source IN ('statutory', 'notice', 'admin')),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT calendar_entries_unit_date_key UNIQUE NULLS NOT DISTINCT (unit_id, date)
);
CREATE INDEX calendar_entries_date_idx ON calendar_entries(date);

-- A year's official notice (thông báo nghỉ lễ, tết) as recorded by an administrator.
CREATE TABLE calendar_years (
  id bigserial PRIMARY KEY,
  year int NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  unit_id bigint REFERENCES units(id),            -- NULL: national
  notice text NOT NULL CHECK (length(notice) BETWEEN 2 AND 500),
  replaces_statutory boolean NOT NULL DEFAULT true,
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT calendar_years_year_unit_key UNIQUE NULLS NOT DISTINCT (year, unit_id)
);

-- A version number every process compares before reusing its cached calendars. Every write to either table
-- (through the app or by hand) moves it; values come from a sequence so a rolled-back write never reuses one.
CREATE SEQUENCE calendar_version_seq;
CREATE TABLE calendar_state (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO calendar_state (id, version) VALUES (1, nextval('calendar_version_seq'));

CREATE OR REPLACE FUNCTION calendar_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE calendar_state SET version = nextval('calendar_version_seq') WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER calendar_entries_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_entries
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_bump_version();
CREATE TRIGGER calendar_years_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_years
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_bump_version();
