-- Reform models (mô hình cải cách hành chính), issue 9 items 1 and 6 (model M15). See src/modules/reform and
-- docs/reform.md.
--   reform_models:        the catalogue: each model with its purpose, lead agency (cơ quan thực hiện), monitoring agency
--                         (cơ quan chủ trì theo dõi, kiểm tra), the unit whose plan issued it, mandatory or optional, and
--                         whether it is a same-day model (giải quyết TTHC trong ngày).
--   reform_registrations: which unit runs which model from when (đăng ký thực hiện mô hình); for same-day models, which
--                         procedures of the catalogue (phụ lục đăng ký TTHC giải quyết trong ngày, seed 004).
--   reform_inspections:   annual inspections (đoàn/tổ kiểm tra) of a unit by a unit above it, their team, scope, findings
--                         (kết luận, tồn tại) and the inspected unit's corrections (khắc phục) followed to the end.
-- No personal data beyond the names and titles of officials on an inspection team and of correction owners (public
-- officials acting in office).
CREATE TABLE reform_models (
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 300),
  purpose text CHECK (length(purpose) BETWEEN 1 AND 5000),
  lead_agency text NOT NULL CHECK (length(lead_agency) BETWEEN 2 AND 1000),
  monitoring_agency text CHECK (length(monitoring_agency) BETWEEN 2 AND 500),
  -- The level of the plan that issued the model: the province plan, a city's plan, or a local (town, ward) initiative.
  origin text NOT NULL CHECK (origin IN ('province', 'city', 'local')),
  -- The unit whose plan issued the model; the compliance rules apply to the units below it.
  issuer_unit_id bigint NOT NULL REFERENCES units(id),
  -- The plan (văn bản) that issued it, e.g. 'Quyết định số 1390/QĐ-UBND-HC ngày 11/9/2021'.
  source text NOT NULL CHECK (length(source) BETWEEN 3 AND 500),
  -- Mandatory (bắt buộc) for every commune and ward below the issuer.
  mandatory boolean NOT NULL DEFAULT false,
  -- An optional model of the pool from which each commune and ward below the issuer picks at least one
  -- (seed 000: "lựa chọn tối thiểu từ 01 mô hình để áp dụng tại đơn vị").
  choice_pool boolean NOT NULL DEFAULT false,
  -- Dossiers of the registered procedures are settled the same day (giải quyết trong ngày, không hẹn).
  same_day boolean NOT NULL DEFAULT false,
  -- The row of MODELS.md the model maps to (M1 … M15).
  catalogue_code text NOT NULL CHECK (catalogue_code ~ '^M([1-9]|1[0-5])$'),
  starts_on date NOT NULL,
  ends_on date,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK (NOT (mandatory AND choice_pool))
);
CREATE INDEX reform_models_issuer_idx ON reform_models(issuer_unit_id);

CREATE TABLE reform_registrations (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  model_id bigint NOT NULL REFERENCES reform_models(id),
  from_date date NOT NULL,
  to_date date,
  note text CHECK (length(note) BETWEEN 1 AND 2000),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date IS NULL OR to_date >= from_date)
);
-- Periods of one unit and model never overlap: checked by the commands under a lock on the unit's registrations.
CREATE INDEX reform_registrations_unit_idx ON reform_registrations(unit_id, model_id, from_date);
CREATE INDEX reform_registrations_model_idx ON reform_registrations(model_id);

CREATE TABLE reform_registration_procedures (
  registration_id bigint NOT NULL REFERENCES reform_registrations(id) ON DELETE CASCADE,
  procedure_id bigint NOT NULL REFERENCES procedures(id),
  PRIMARY KEY (registration_id, procedure_id)
);

CREATE TABLE reform_inspections (
  id bigserial PRIMARY KEY,
  -- The inspecting body (cơ quan kiểm tra): a unit above the inspected one.
  inspecting_unit_id bigint NOT NULL REFERENCES units(id),
  inspected_unit_id bigint NOT NULL REFERENCES units(id),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  planned_on date NOT NULL,
  -- Groups of the service index (Bộ chỉ số 766) in scope; the models in scope are in reform_inspection_models.
  index_groups text[] NOT NULL DEFAULT '{}'
    CHECK (index_groups <@ ARRAY['transparency', 'progress', 'online_service', 'online_payment', 'satisfaction', 'digitisation']::text[]),
  notes text CHECK (length(notes) BETWEEN 1 AND 5000),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (inspecting_unit_id <> inspected_unit_id)
);
CREATE INDEX reform_inspections_inspected_idx ON reform_inspections(inspected_unit_id, planned_on);
CREATE INDEX reform_inspections_inspecting_idx ON reform_inspections(inspecting_unit_id, planned_on);

CREATE TABLE reform_inspection_models (
  inspection_id bigint NOT NULL REFERENCES reform_inspections(id),
  model_id bigint NOT NULL REFERENCES reform_models(id),
  PRIMARY KEY (inspection_id, model_id)
);

-- The team (thành phần đoàn kiểm tra): officials by name and title; the first 'lead' is the head (trưởng đoàn).
CREATE TABLE reform_inspection_members (
  id bigserial PRIMARY KEY,
  inspection_id bigint NOT NULL REFERENCES reform_inspections(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
  role text NOT NULL CHECK (role IN ('lead', 'member')),
  position int NOT NULL
);
CREATE INDEX reform_inspection_members_idx ON reform_inspection_members(inspection_id, position);

-- A finding (tồn tại, hạn chế) against a model or a group of the index; closed by the inspecting body once every
-- correction is done.
CREATE TABLE reform_findings (
  id bigserial PRIMARY KEY,
  inspection_id bigint NOT NULL REFERENCES reform_inspections(id),
  model_id bigint REFERENCES reform_models(id),
  index_group text CHECK (index_group IN ('transparency', 'progress', 'online_service', 'online_payment', 'satisfaction', 'digitisation')),
  severity text NOT NULL CHECK (severity IN ('minor', 'major', 'serious')),
  text text NOT NULL CHECK (length(text) BETWEEN 3 AND 5000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closing_note text CHECK (length(closing_note) BETWEEN 1 AND 2000),
  closed_by bigint REFERENCES users(id),
  closed_at timestamptz,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((model_id IS NULL) <> (index_group IS NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX reform_findings_inspection_idx ON reform_findings(inspection_id);

-- What the inspected unit does about a finding (biện pháp khắc phục): owner, deadline, and when done, the evidence.
-- Overdue (quá hạn) is not stored: an open correction past its deadline.
CREATE TABLE reform_corrections (
  id bigserial PRIMARY KEY,
  finding_id bigint NOT NULL REFERENCES reform_findings(id),
  action text NOT NULL CHECK (length(action) BETWEEN 3 AND 2000),
  owner text NOT NULL CHECK (length(owner) BETWEEN 2 AND 200),
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  evidence text CHECK (length(evidence) BETWEEN 1 AND 5000),
  done_on date,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'done') = (done_on IS NOT NULL)),
  CHECK (status = 'open' OR evidence IS NOT NULL)
);
CREATE INDEX reform_corrections_finding_idx ON reform_corrections(finding_id);
CREATE INDEX reform_corrections_open_idx ON reform_corrections(deadline) WHERE status = 'open';
