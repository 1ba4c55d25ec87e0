-- The administrative procedure catalogue (danh mục thủ tục hành chính), versioned.
-- A dossier keeps the id of the procedure version it was received under, so a version that
-- has been published never changes: editing makes a new draft; publishing a draft from date D
-- ends the previous published version at D (versions never overlap).

CREATE TABLE procedures (
  id bigserial PRIMARY KEY,
  -- National catalogue code (mã thủ tục trên Cổng Dịch vụ công quốc gia), e.g. 1.001193.
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{1,2}\.[0-9]{5,6}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE procedure_versions (
  id bigserial PRIMARY KEY,
  procedure_id bigint NOT NULL REFERENCES procedures(id),
  version int NOT NULL CHECK (version >= 1),
  -- draft: editable; published: in force from effective_from until effective_to (exclusive);
  -- withdrawn: was published, then withdrawn (bãi bỏ) from effective_to with no successor.
  status text NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
  effective_from date,
  effective_to date,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 500),
  field text NOT NULL CHECK (length(field) BETWEEN 1 AND 200),          -- lĩnh vực
  level text NOT NULL CHECK (level IN ('commune', 'province', 'central')), -- cấp thực hiện
  unit_kinds text[] NOT NULL DEFAULT '{}',
  time_limit_value numeric NOT NULL CHECK (time_limit_value > 0),
  time_limit_unit text NOT NULL CHECK (time_limit_unit IN ('working_days', 'working_hours')),
  cutoff_hour text CHECK (cutoff_hour ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  online_level text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  same_day_eligible boolean NOT NULL DEFAULT false,
  -- fees, documents, steps, legalBasis, result, agency, timeLimitNote, unverified
  data jsonb NOT NULL DEFAULT '{}',
  search_name text GENERATED ALWAYS AS (vn_unaccent(name)) STORED,
  -- The code lives on `procedures`; code search matches procedures.code directly.
  search_all text GENERATED ALWAYS AS (vn_unaccent(name || ' ' || field)) STORED,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  UNIQUE (procedure_id, version),
  CHECK (status = 'draft' OR effective_from IS NOT NULL),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to > effective_from)
);
-- At most one draft per procedure.
CREATE UNIQUE INDEX procedure_versions_one_draft ON procedure_versions(procedure_id) WHERE status = 'draft';
CREATE INDEX procedure_versions_live_idx ON procedure_versions(procedure_id, effective_from) WHERE status <> 'draft';
CREATE INDEX procedure_versions_search_name_idx ON procedure_versions USING gin (search_name gin_trgm_ops);
CREATE INDEX procedure_versions_search_all_idx ON procedure_versions USING gin (search_all gin_trgm_ops);
CREATE INDEX procedure_versions_unit_kinds_idx ON procedure_versions USING gin (unit_kinds);

-- Published versions are immutable: only their end date may be set, and published → withdrawn.
CREATE OR REPLACE FUNCTION procedure_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'published procedure versions cannot be deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
       (NEW.procedure_id, NEW.version, NEW.effective_from, NEW.name, NEW.field, NEW.level, NEW.unit_kinds, NEW.time_limit_value,
        NEW.time_limit_unit, NEW.cutoff_hour, NEW.online_level, NEW.same_day_eligible, NEW.data, NEW.published_at)
       IS DISTINCT FROM
       (OLD.procedure_id, OLD.version, OLD.effective_from, OLD.name, OLD.field, OLD.level, OLD.unit_kinds, OLD.time_limit_value,
        OLD.time_limit_unit, OLD.cutoff_hour, OLD.online_level, OLD.same_day_eligible, OLD.data, OLD.published_at)
       OR (OLD.status = 'withdrawn' AND NEW.status <> 'withdrawn')
       OR NEW.status = 'draft') THEN
    RAISE EXCEPTION 'published procedure versions are immutable' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER procedure_versions_immutable BEFORE UPDATE OR DELETE ON procedure_versions
  FOR EACH ROW EXECUTE FUNCTION procedure_versions_guard();

-- Which units carry out which procedure (đơn vị thực hiện), and whether they settle it the same day.
CREATE TABLE unit_procedures (
  unit_id bigint NOT NULL REFERENCES units(id),
  procedure_id bigint NOT NULL REFERENCES procedures(id),
  same_day boolean NOT NULL DEFAULT false,
  PRIMARY KEY (unit_id, procedure_id)
);
CREATE INDEX unit_procedures_procedure_idx ON unit_procedures(procedure_id);
