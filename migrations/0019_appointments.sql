-- Home appointments, issue 8 item 1 (model M6, "Hẹn giờ thực hiện thủ tục hành chính tại nhà người dân"). See
-- src/modules/appointments and docs/appointments.md. A citizen asks (web form, phone, e-mail, Zalo, Facebook) for
-- guidance (hướng dẫn kê khai), dossier pick-up (tiếp nhận hồ sơ tại nhà) or result delivery (trả kết quả tại nhà) at
-- a chosen time; staff propose or confirm a slot, assign an official or a helper, and record the outcome.
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): appointments.citizen_name, citizen_phone, citizen_email, address,
-- priority_group (may reveal health or social-protection status: sensitive). Kept with the citizen's consent
-- (consent_at) to arrange and carry out the visit; shown to staff holding appointments.manage on the unit (each read of a
-- request recorded in audit_log, action appointment.read) and to the person assigned to the visit; never on a public
-- page, in an audit row or in a log.

-- A unit's visit settings: how long a visit lasts and the travel time kept between two visits of one person.
CREATE TABLE appointment_settings (
  unit_id bigint PRIMARY KEY REFERENCES units(id),
  visit_minutes int NOT NULL DEFAULT 45 CHECK (visit_minutes BETWEEN 10 AND 240),
  travel_minutes int NOT NULL DEFAULT 30 CHECK (travel_minutes BETWEEN 0 AND 180),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE appointments (
  id bigserial PRIMARY KEY,
  -- The code the citizen keeps (8 characters of the short-code alphabet).
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-HJKMNP-Z2-9]{8}$'),
  unit_id bigint NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('guidance', 'pickup', 'delivery')),
  channel text NOT NULL CHECK (channel IN ('web', 'phone', 'email', 'zalo', 'facebook')),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'proposed', 'confirmed', 'done', 'absent', 'cancelled')),
  citizen_name text NOT NULL CHECK (length(citizen_name) BETWEEN 2 AND 200),
  citizen_phone text NOT NULL CHECK (citizen_phone ~ '^0[0-9]{9,10}$'),
  citizen_email text CHECK (length(citizen_email) <= 254),
  address text NOT NULL CHECK (length(address) BETWEEN 5 AND 300),
  -- Priority groups (đối tượng ưu tiên) are served first and free of charge.
  priority_group text CHECK (priority_group IN ('elderly', 'disabled', 'seriously_ill', 'social_protection', 'meritorious')),
  free boolean GENERATED ALWAYS AS (priority_group IS NOT NULL) STORED,
  need text CHECK (length(need) <= 2000),
  procedure_text text CHECK (length(procedure_text) <= 300),
  procedure_id bigint REFERENCES procedures(id),
  dossier_code text CHECK (length(dossier_code) <= 40),
  consent_at timestamptz NOT NULL,
  -- What the citizen asked for, and the slot proposed or confirmed (the visit: slot_start to slot_end).
  requested_start timestamptz NOT NULL,
  slot_start timestamptz NOT NULL,
  slot_end timestamptz NOT NULL,
  assignee_user_id bigint REFERENCES users(id),
  proposed_at timestamptz,
  confirmed_at timestamptz,
  -- The outcome: who went (names, as written by the recorder), when, who recorded it.
  visited_by text CHECK (length(visited_by) BETWEEN 2 AND 300),
  visited_at timestamptz,
  outcome_at timestamptz,
  outcome_by bigint REFERENCES users(id),
  outcome_note text CHECK (length(outcome_note) <= 2000),
  cancel_reason text CHECK (length(cancel_reason) BETWEEN 3 AND 1000),
  version int NOT NULL DEFAULT 1 CHECK (version >= 1),
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT appointments_idempotency_uq UNIQUE (unit_id, idempotency_key),
  CHECK (slot_end > slot_start),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
  CHECK (status NOT IN ('done', 'absent') OR (visited_at IS NOT NULL AND visited_by IS NOT NULL))
);
CREATE INDEX appointments_unit_idx ON appointments(unit_id, status, slot_start);
CREATE INDEX appointments_assignee_idx ON appointments(assignee_user_id, slot_start) WHERE assignee_user_id IS NOT NULL;

-- The timeline of a request (append-only): what happened, when, by whom; never personal data in `data`.
CREATE TABLE appointment_events (
  id bigserial PRIMARY KEY,
  appointment_id bigint NOT NULL REFERENCES appointments(id),
  action text NOT NULL CHECK (action IN ('requested', 'proposed', 'confirmed', 'assigned', 'done', 'absent', 'cancelled')),
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id bigint REFERENCES users(id),
  actor_label text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX appointment_events_appointment_idx ON appointment_events(appointment_id, id);

-- The secret of each person's iCalendar feed of visits (/lich-hen/<token>.ics): only its SHA-256 is kept.
CREATE TABLE appointment_feed_tokens (
  user_id bigint PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
