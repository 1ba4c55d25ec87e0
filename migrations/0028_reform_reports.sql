-- Reports on carrying out the reform models (báo cáo kết quả thực hiện các mô hình cải cách hành chính), issue 9
-- item 3. See src/modules/reform-reports and docs/reform-reports.md.
--   reform_reports:         one report per unit and period (quarter 2026-Q3, six months 2026-H1, year 2026): draft,
--                           then submitted to the parent unit. The figures are a snapshot computed from the data for the
--                           unit's subtree (refreshed while a draft, frozen once submitted). `version` is the optimistic
--                           lock: every save names the version it started from.
--   reform_report_sections: one per model the unit runs (or a child's model compiled in): the narrative the unit
--                           writes, and the children's submitted narratives compiled in by the parent.
-- No personal data: unit names, model names, counts and the unit's own narrative.
CREATE TABLE reform_reports (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  -- Canonical period key: 'YYYY', 'YYYY-H1|H2', 'YYYY-Q1..Q4'.
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-H[12]|-Q[1-4])?$'),
  period_from date NOT NULL,
  period_to date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  -- Number of the report in the unit's register ("Số: 12/BC-UBND"); blank until the office gives one.
  doc_number int CHECK (doc_number BETWEEN 1 AND 999999),
  summary text CHECK (length(summary) <= 10000),
  figures jsonb NOT NULL DEFAULT '{}',
  figures_at timestamptz,
  -- Units whose figures were summed (the subtree when computed).
  unit_count int NOT NULL DEFAULT 1,
  version int NOT NULL DEFAULT 1 CHECK (version >= 1),
  compiled_at timestamptz,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_by bigint REFERENCES users(id),
  submitted_at timestamptz,
  CHECK (period_to >= period_from),
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)),
  UNIQUE (unit_id, period)
);
CREATE INDEX reform_reports_period_idx ON reform_reports(period, unit_id);

CREATE TABLE reform_report_sections (
  id bigserial PRIMARY KEY,
  report_id bigint NOT NULL REFERENCES reform_reports(id) ON DELETE CASCADE,
  -- The model's code in the registry (reform_models.code) and its row of MODELS.md (M1 … M15).
  model_code text NOT NULL CHECK (length(model_code) BETWEEN 1 AND 63),
  model_name text NOT NULL CHECK (length(model_name) BETWEEN 1 AND 300),
  catalogue_code text NOT NULL CHECK (catalogue_code ~ '^M([1-9]|1[0-5])$'),
  position int NOT NULL DEFAULT 0,
  -- Plain text written by the unit (NFC); shown as text everywhere, never as HTML.
  narrative text NOT NULL DEFAULT '' CHECK (length(narrative) <= 10000),
  -- From the children's submitted reports at the last compile: [{ unitCode, unitName, narrative }].
  children jsonb NOT NULL DEFAULT '[]',
  -- The unit runs this model itself (false: a model only its children run, compiled in).
  own boolean NOT NULL DEFAULT true,
  UNIQUE (report_id, model_code)
);
