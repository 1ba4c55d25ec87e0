-- The national service index (Bộ chỉ số 766, issue 9 item 4): the inputs the system cannot know, entered by an
-- administrator per unit and period (e.g. publication on the national database of procedures), each marked as such in
-- the report. See src/modules/service-index.
CREATE TABLE service_index_inputs (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  code text NOT NULL CHECK (code ~ '^[1-6]\.[0-9]{1,2}$'),
  ratio numeric NOT NULL CHECK (ratio >= 0 AND ratio <= 1),
  note text CHECK (length(note) <= 500),
  entered_by bigint REFERENCES users(id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_from <= period_to),
  UNIQUE (unit_id, period_from, period_to, code)
);
