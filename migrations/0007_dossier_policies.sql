-- Same-day and no-appointment service as per-unit policies (issue 4 item 3, model M2), and lateness /
-- forgot-to-close warnings (issue 4 item 4). Rules: src/modules/dossiers/rules/service-policy.ts and warnings.ts.
--
-- Kinds (seeds in ../shared/seeds):
--   under_threshold       procedures whose time limit is under `threshold_days` working days are settled on the spot
--                         ("không hẹn … dưới 03 ngày làm việc", seed 000, mô hình 1)
--   no_wait_weekdays      on the ISO weekdays listed (1 = Monday … 7 = Sunday) complete dossiers of same-day-capable
--                         procedures are settled while the citizen waits ("Ngày không chờ" thứ Ba/thứ Sáu; "Ngày thứ
--                         năm không hẹn", seed 003); `max_days`: only procedures of at most that many working days
--   friday_not_next_week  "ngày thứ 6 không hẹn qua tuần" (seed 004, Kế hoạch 190/KH-UBND Phước Long): a dossier of
--                         the listed procedures (`procedure_ids`; NULL = all) received on a Friday is not appointed
--                         into the next week
--   registered_same_day   the unit's registered same-day procedures (unit_procedures.same_day; seed 004 appendix)
CREATE TABLE unit_service_policies (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('under_threshold', 'no_wait_weekdays', 'friday_not_next_week', 'registered_same_day')),
  -- The unit's own name of the model, e.g. 'Ngày thứ năm không hẹn'; NULL: the kind's standard name.
  name text CHECK (length(name) BETWEEN 2 AND 200),
  threshold_days int CHECK (threshold_days BETWEEN 1 AND 30),
  weekdays int[] CHECK (weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7] AND cardinality(weekdays) >= 1),
  max_days int CHECK (max_days BETWEEN 1 AND 60),
  procedure_ids bigint[],
  enabled boolean NOT NULL DEFAULT true,
  valid_from date,
  valid_to date,
  source text CHECK (length(source) <= 500),                      -- the unit's decision or plan, e.g. 'Kế hoạch 190/KH-UBND'
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
  CHECK ((kind = 'under_threshold') = (threshold_days IS NOT NULL)),
  CHECK ((kind = 'no_wait_weekdays') = (weekdays IS NOT NULL)),
  CHECK (kind = 'friday_not_next_week' OR procedure_ids IS NULL)
);
CREATE INDEX unit_service_policies_unit_idx ON unit_service_policies(unit_id) WHERE enabled;

-- The policy that set a dossier's appointment at intake, and the appointment it would otherwise have had.
ALTER TABLE dossiers
  ADD COLUMN service_policy_id bigint REFERENCES unit_service_policies(id),
  ADD COLUMN service_policy text CHECK (service_policy IN ('under_threshold', 'no_wait_weekdays', 'friday_not_next_week', 'registered_same_day')),
  ADD COLUMN service_policy_name text,
  ADD COLUMN normal_due_date date;
CREATE INDEX dossiers_returned_idx ON dossiers(returned_at) WHERE status = 'returned';

-- Warnings stored for the desk (no mail yet). One row per dossier, kind, audience and reference day (the appointment
-- date for 'due_soon', the return day for 'returned_not_closed'): a repeated sweep inserts nothing; a new appointment
-- (extension) warns again.
--   audience 'assignee': the specialist (recipient_user_id); 'leader': the leaders of unit_id; 'desk': its clerks.
CREATE TABLE dossier_warnings (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers(id),
  kind text NOT NULL CHECK (kind IN ('due_soon', 'returned_not_closed')),
  audience text NOT NULL CHECK (audience IN ('assignee', 'leader', 'desk')),
  recipient_user_id bigint REFERENCES users(id),
  unit_id bigint NOT NULL REFERENCES units(id),
  ref_day date NOT NULL,
  due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dossier_warnings_once UNIQUE (dossier_id, kind, audience, ref_day),
  CHECK ((audience = 'assignee') = (recipient_user_id IS NOT NULL))
);
CREATE INDEX dossier_warnings_user_idx ON dossier_warnings(recipient_user_id, created_at) WHERE recipient_user_id IS NOT NULL;
CREATE INDEX dossier_warnings_unit_idx ON dossier_warnings(unit_id, created_at);
