-- Slip templates (biểu mẫu một cửa): the official forms as versioned data, so a new circular is new rows,
-- not new code. A version in force on a date is the one with effective_from <= date < effective_to (or no end);
-- published rows are never edited: a change is a new version.

CREATE TABLE slip_templates (
  id bigserial PRIMARY KEY,
  -- Stable name the dossiers module uses: receipt, supplement-request, refusal, apology-extension,
  -- stop-notice, control-sheet, register-book.
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]{1,48}$'),
  version int NOT NULL CHECK (version >= 1),
  circular text NOT NULL CHECK (length(circular) BETWEEN 3 AND 200),   -- e.g. Thông tư 03/2025/TT-VPCP
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
  effective_from date NOT NULL,
  effective_to date,
  definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, version),
  CHECK (effective_to IS NULL OR effective_to > effective_from)
);

CREATE INDEX slip_templates_code_from_idx ON slip_templates (code, effective_from DESC);
