-- Letters of congratulation, condolence and apology (thư chúc mừng, thư chia buồn, thư xin lỗi; model M11):
-- templates per unit and kind, letters proposed from settled dossiers or written by hand, a leader's approval with a
-- number in the unit's register of the year, printing and sending by e-mail. See docs/letters.md.
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): letters.recipient_name, recipient_address, recipient_email.
-- The opt-out list keeps only hashes of phone numbers and ID numbers, never the numbers.

-- A unit's own wording of each kind; without a row the default text shipped in src/modules/letters/rules/templates.ts
-- is used. Bodies may hold merge fields ({ten}, {dia_chi} …), checked when saved.
CREATE TABLE letter_templates (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('congratulation_marriage', 'congratulation_birth', 'congratulation_business', 'condolence', 'apology', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 10 AND 10000),
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, kind)
);

-- The register of letters (sổ đăng ký thư): one gap-free sequence per unit and year, shared by every kind. Taken with
-- INSERT … ON CONFLICT DO UPDATE … RETURNING in the approving transaction: the row lock serialises parallel approvals
-- and a rolled-back approval gives its number back.
CREATE TABLE letter_register_counters (
  unit_id bigint NOT NULL REFERENCES units(id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  last int NOT NULL CHECK (last >= 0),
  PRIMARY KEY (unit_id, year)
);

CREATE TABLE letters (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('congratulation_marriage', 'congratulation_birth', 'congratulation_business', 'condolence', 'apology', 'other')),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'sent', 'cancelled')),
  -- proposal: drafted by the system from an event it knows of; manual: written by staff.
  origin text NOT NULL CHECK (origin IN ('proposal', 'manual')),
  -- The event and where it was seen: ('birth', 'dossier:42:birth'), ('business', 'tax:0100109106:2026-10-01') …
  -- The unique pair makes proposing one event twice impossible, even with two sweeps at once.
  event_kind text NOT NULL CHECK (event_kind IN ('marriage', 'birth', 'death', 'apology', 'business', 'manual')),
  source_ref text CHECK (length(source_ref) <= 200),
  dossier_id bigint REFERENCES dossiers(id),
  tax_code text CHECK (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
  -- Recipient (PERSONAL DATA).
  recipient_name text NOT NULL CHECK (length(recipient_name) BETWEEN 2 AND 200),
  recipient_address text CHECK (length(recipient_address) <= 300),
  recipient_email text CHECK (length(recipient_email) <= 254),
  event_text text NOT NULL CHECK (length(event_text) BETWEEN 2 AND 500),   -- {su_kien}
  event_date date NOT NULL,                                               -- {ngay}
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),             -- THƯ CHÚC MỪNG …
  body text NOT NULL CHECK (length(body) BETWEEN 10 AND 10000),            -- with merge fields, filled when shown
  signer_name text CHECK (length(signer_name) <= 120),
  signer_title text CHECK (length(signer_title) <= 120),
  -- Register number (số/ký hiệu), given on approval.
  year int,
  number int CHECK (number >= 1),
  symbol text CHECK (length(symbol) <= 40),
  submitted_at timestamptz,
  submitted_by bigint REFERENCES users(id),
  approved_at timestamptz,
  approved_by bigint REFERENCES users(id),
  sent_at timestamptz,
  sent_by bigint REFERENCES users(id),
  sent_channel text CHECK (sent_channel IN ('email', 'print')),
  printed_at timestamptz,
  printed_by bigint REFERENCES users(id),
  cancelled_at timestamptz,
  version int NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT letters_event_uq UNIQUE (event_kind, source_ref),
  CONSTRAINT letters_number_uq UNIQUE (unit_id, year, number),
  CHECK ((number IS NULL) = (approved_at IS NULL) AND (number IS NULL) = (year IS NULL)),
  CHECK (status NOT IN ('approved', 'sent') OR number IS NOT NULL),
  CHECK (origin = 'manual' OR source_ref IS NOT NULL)
);
CREATE INDEX letters_unit_status_idx ON letters(unit_id, status, created_at DESC);
CREATE INDEX letters_unit_number_idx ON letters(unit_id, year DESC, number DESC) WHERE number IS NOT NULL;

-- People who asked not to receive congratulation letters (từ chối nhận thư chúc mừng): a salted SHA-256 of the phone
-- number (0xxxxxxxxx) or of the ID number, so the list itself holds no number. Condolences and apologies are not
-- affected. letters_contact_hash is the one definition used both when recording and when proposing.
CREATE OR REPLACE FUNCTION letters_contact_hash(kind text, value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN value IS NULL THEN NULL
    WHEN kind = 'phone' THEN
      CASE WHEN regexp_replace(value, '[^0-9]', '', 'g') ~ '^84[0-9]{9,10}$'
           THEN encode(sha256(convert_to('gd-letters:phone:0' || substr(regexp_replace(value, '[^0-9]', '', 'g'), 3), 'UTF8')), 'hex')
           ELSE encode(sha256(convert_to('gd-letters:phone:' || regexp_replace(value, '[^0-9]', '', 'g'), 'UTF8')), 'hex') END
    ELSE encode(sha256(convert_to('gd-letters:id:' || regexp_replace(value, '[^0-9]', '', 'g'), 'UTF8')), 'hex')
  END
$$;

CREATE TABLE letter_opt_outs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('phone', 'id_number')),
  value_hash text NOT NULL CHECK (value_hash ~ '^[0-9a-f]{64}$'),
  -- public: the citizen on /thu-chuc-mung/tu-choi; staff: recorded at a unit on the citizen's request.
  source text NOT NULL CHECK (source IN ('public', 'staff')),
  unit_id bigint REFERENCES units(id),
  recorded_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, value_hash)
);

-- E-mail with the letter's PDF: the outbox sender attaches it (src/platform/notify/send-pending.ts) and drops it once sent.
ALTER TABLE notifications ADD COLUMN attachment_name text CHECK (length(attachment_name) <= 200);
ALTER TABLE notifications ADD COLUMN attachment bytea CHECK (octet_length(attachment) <= 10485760);
ALTER TABLE notifications ADD CONSTRAINT notifications_attachment_pair CHECK ((attachment IS NULL) OR (attachment_name IS NOT NULL));
