-- One-stop dossiers (hồ sơ thủ tục hành chính): receipt, processing, result, return, closing.
-- Legal frame: Nghị định 118/2025/NĐ-CP and Thông tư 03/2025/TT-VPCP (replacing Nghị định 61/2018 and
-- Thông tư 01/2018/TT-VPCP); see src/modules/dossiers/rules/*.ts for the rules and what was verified.
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): the applicant_* columns, dossier_attachments.content and
-- dossier_ratings.comment. Presenters in src/modules/dossiers/present.ts decide which of them leave the server;
-- staff reads of them are written to audit_log (action 'dossier.read').

-- The agency identifier (mã định danh cơ quan) printed in a unit's dossier codes. When a unit has no row here the
-- code uses the unit's national administrative code (units.admin_code) or, failing that, its code in upper case.
CREATE TABLE unit_dossier_settings (
  unit_id bigint PRIMARY KEY REFERENCES units(id),
  agency_code text NOT NULL UNIQUE CHECK (agency_code ~ '^[A-Za-z0-9][A-Za-z0-9.]{0,63}$'),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Gap-free sequence of dossier codes per unit and receipt day (Vietnam date). Incremented with
-- INSERT … ON CONFLICT DO UPDATE … RETURNING in the transaction that inserts the dossier: the row lock serialises
-- parallel intakes of one unit and day (in every process), and a rolled-back intake gives its number back.
CREATE TABLE dossier_code_counters (
  unit_id bigint NOT NULL REFERENCES units(id),
  day date NOT NULL,
  last int NOT NULL CHECK (last >= 0),
  PRIMARY KEY (unit_id, day)
);

CREATE TABLE dossiers (
  id bigserial PRIMARY KEY,
  -- Mã hồ sơ: <agency identifier>-<yymmdd of receipt>-<4-digit sequence of the day>, e.g. 30337-260213-0001.
  code text NOT NULL UNIQUE,
  unit_id bigint NOT NULL REFERENCES units(id),                 -- receiving unit (nơi tiếp nhận)
  procedure_id bigint NOT NULL REFERENCES procedures(id),
  procedure_version_id bigint NOT NULL REFERENCES procedure_versions(id), -- the version in force at receipt; kept
  channel text NOT NULL CHECK (channel IN ('desk', 'online', 'post', 'home')),
  status text NOT NULL CHECK (status IN ('received', 'supplement_requested', 'refused', 'accepted', 'in_processing', 'pending_approval',
                                         'approved', 'result_ready', 'returned', 'closed', 'withdrawn', 'stopped')),
  -- While status = 'supplement_requested': the status the dossier goes back to when the supplement arrives.
  paused_from text,
  -- Applicant (người nộp hồ sơ): PERSONAL DATA.
  applicant_name text NOT NULL CHECK (length(applicant_name) BETWEEN 2 AND 200),
  applicant_id_number text,                                      -- số định danh cá nhân / CCCD
  applicant_phone text,
  applicant_email text,
  applicant_address text,
  -- Documents ticked at the desk (names from the procedure version's list) and the desk's own note.
  documents jsonb NOT NULL DEFAULT '[]',
  note text,
  -- Milestones.
  received_at timestamptz NOT NULL,
  receipt_day date NOT NULL,                                     -- Vietnam date of received_at (the code's yymmdd)
  counts_from date NOT NULL,                                     -- day of receipt for counting (next working day after the cut-off)
  accepted_at timestamptz,
  refused_at timestamptz,
  processing_started_at timestamptz,
  submitted_at timestamptz,
  approved_at timestamptz,
  result_at timestamptz,                                         -- result ready: the dossier is settled (đã giải quyết)
  returned_at timestamptz,
  return_channel text CHECK (return_channel IN ('desk', 'post', 'home', 'online')),
  closed_at timestamptz,
  ended_at timestamptz,                                          -- withdrawn or stopped
  -- Appointment (ngày hẹn trả): moved by paused working days and by apology-and-extension documents.
  due_date date NOT NULL,
  due_at timestamptz NOT NULL,
  original_due_date date NOT NULL,
  paused_working_days int NOT NULL DEFAULT 0 CHECK (paused_working_days >= 0),
  extension_count int NOT NULL DEFAULT 0 CHECK (extension_count >= 0),
  -- Who works on it now.
  processing_unit_id bigint REFERENCES units(id),
  assignee_user_id bigint REFERENCES users(id),
  -- Flags for the national service index (Bộ chỉ số 766, STANDARDS §9) and same-day service (M2).
  online boolean NOT NULL DEFAULT false,
  paid_online boolean NOT NULL DEFAULT false,
  digitised boolean NOT NULL DEFAULT false,
  electronic_result boolean NOT NULL DEFAULT false,
  reused_documents boolean NOT NULL DEFAULT false,
  same_day boolean NOT NULL DEFAULT false,
  -- Optimistic locking: every change checks and bumps it.
  version int NOT NULL DEFAULT 1 CHECK (version >= 1),
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (vn_unaccent(code || ' ' || applicant_name)) STORED,
  CONSTRAINT dossiers_idempotency_uq UNIQUE (unit_id, idempotency_key),
  CHECK ((status = 'supplement_requested') = (paused_from IS NOT NULL))
);
CREATE INDEX dossiers_unit_status_idx ON dossiers(unit_id, status, due_at);
CREATE INDEX dossiers_processing_unit_idx ON dossiers(processing_unit_id, status) WHERE processing_unit_id IS NOT NULL;
CREATE INDEX dossiers_assignee_idx ON dossiers(assignee_user_id, status) WHERE assignee_user_id IS NOT NULL;
CREATE INDEX dossiers_received_idx ON dossiers(unit_id, received_at);
CREATE INDEX dossiers_search_idx ON dossiers USING gin (search_text gin_trgm_ops);

-- The timeline (append-only): every action with who, when, where; notes for staff and for the citizen.
CREATE TABLE dossier_events (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers(id),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_user_id bigint REFERENCES users(id),
  actor_label text NOT NULL,
  unit_id bigint REFERENCES units(id),                           -- the unit acting (the control sheet's "bộ phận")
  to_unit_id bigint REFERENCES units(id),                        -- hand-overs: the unit receiving the dossier
  at timestamptz NOT NULL,
  internal_note text,                                            -- never shown to the citizen
  public_note text,                                              -- shown on the public tracking page
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dossier_events_dossier_idx ON dossier_events(dossier_id, id);
CREATE OR REPLACE FUNCTION dossier_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_events is append-only' USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER dossier_events_no_change BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION dossier_events_append_only();

-- Requests to supplement (yêu cầu bổ sung, hoàn thiện hồ sơ): the clock stops from the request and restarts when
-- the supplement is received; the due date moves by the working days in between.
CREATE TABLE dossier_pauses (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers(id),
  from_status text NOT NULL,
  missing text NOT NULL,                                         -- what is missing (shown to the citizen)
  started_at timestamptz NOT NULL,
  start_day date NOT NULL,
  requested_by bigint REFERENCES users(id),
  ended_at timestamptz,
  end_day date,
  resumed_by bigint REFERENCES users(id),
  working_days int CHECK (working_days >= 0)
);
CREATE UNIQUE INDEX dossier_pauses_one_open ON dossier_pauses(dossier_id) WHERE ended_at IS NULL;

-- Apology and extension (Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết): counted in indicators.
CREATE TABLE dossier_extensions (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers(id),
  previous_due_date date NOT NULL,
  new_due_date date NOT NULL CHECK (new_due_date > previous_due_date),
  reason text NOT NULL CHECK (length(reason) BETWEEN 3 AND 2000),
  issued_by bigint REFERENCES users(id),
  issued_at timestamptz NOT NULL,
  late_when_issued boolean NOT NULL
);
CREATE INDEX dossier_extensions_dossier_idx ON dossier_extensions(dossier_id);

-- Scans and files of a dossier, kept in PostgreSQL (PERSONAL DATA).
CREATE TABLE dossier_attachments (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  mime text NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size int NOT NULL CHECK (size BETWEEN 1 AND 10485760),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by bigint REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(content) = size)
);
CREATE INDEX dossier_attachments_dossier_idx ON dossier_attachments(dossier_id);

-- The citizen's rating of the handling (M13): one per dossier, four levels.
CREATE TABLE dossier_ratings (
  dossier_id bigint PRIMARY KEY REFERENCES dossiers(id),
  rating text NOT NULL CHECK (rating IN ('rat_hai_long', 'hai_long', 'binh_thuong', 'khong_hai_long')),
  official_user_id bigint REFERENCES users(id),                  -- the official who served them, if named
  comment text CHECK (length(comment) <= 2000),
  channel text NOT NULL CHECK (channel IN ('tracking', 'desk', 'qr')),
  rated_at timestamptz NOT NULL DEFAULT now()
);
