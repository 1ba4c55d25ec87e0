-- Dialogues, issue 7 item 5 (models M9, M10). See src/modules/dialogues and docs/dialogues.md.
--   radio:           "Chính quyền đồng hành cùng Nhân dân", a radio dialogue between the unit's leaders and the public,
--                    quarterly at each commune, ward, town, city and district, monthly at the province;
--   business_coffee: "Cà phê Doanh nhân – Doanh nghiệp", a meeting or a site visit with businesses, quarterly.
-- Questions are collected from the public beforehand; every issue raised is tracked as a commitment (cam kết) with an
-- owner unit, a deadline and a public outcome until it is done or dropped.
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): dialogue_questions.asker_name, dialogue_questions.asker_contact.
-- Given voluntarily with a question, used only to tell the asker of the answer and only with contact_consent. Shown to
-- staff holding dialogues.manage on the dialogue's unit, on request, each read recorded in audit_log (action
-- dialogue.question.contact.read); never on a public page, in a JSON answer, in an audit row or in a log.
-- dialogue_participants.representative names a business's representative at a public meeting: shown to staff only.
CREATE TABLE dialogues (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('radio', 'business_coffee')),
  -- Business coffee only: a meeting (gặp mặt) or a site visit (khảo sát thực tế tại doanh nghiệp).
  format text CHECK (format IN ('meeting', 'site_visit')),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  description text CHECK (length(description) <= 5000),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text NOT NULL CHECK (length(place) BETWEEN 2 AND 300),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  cancel_reason text CHECK (length(cancel_reason) BETWEEN 3 AND 1000),
  -- The public summary written after the dialogue was held.
  summary text CHECK (length(summary) BETWEEN 1 AND 20000),
  -- iCalendar SEQUENCE: raised on every change of time, place or status, so calendar clients replace their copy.
  sequence int NOT NULL DEFAULT 0,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK ((kind = 'business_coffee') = (format IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
  CHECK (status = 'held' OR summary IS NULL)
);
CREATE INDEX dialogues_unit_idx ON dialogues(unit_id, kind, starts_at);
CREATE INDEX dialogues_starts_idx ON dialogues(starts_at);

-- Who took part: officials (a free-text name and title, or a staff account) and businesses by tax code (mã số thuế).
CREATE TABLE dialogue_participants (
  id bigserial PRIMARY KEY,
  dialogue_id bigint NOT NULL REFERENCES dialogues(id),
  kind text NOT NULL CHECK (kind IN ('official', 'business')),
  user_id bigint REFERENCES users(id),
  -- The official's full name, or the business's registered name.
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  -- The official's position (chức vụ).
  position text CHECK (length(position) BETWEEN 1 AND 200),
  -- 10 digits, or 10 digits, a hyphen and 3 for a branch; the check digit is verified by the application.
  tax_code text CHECK (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
  representative text CHECK (length(representative) BETWEEN 2 AND 300),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'business') = (tax_code IS NOT NULL)),
  CHECK (kind = 'official' OR (user_id IS NULL AND position IS NULL)),
  CHECK (kind = 'business' OR representative IS NULL)
);
CREATE INDEX dialogue_participants_dialogue_idx ON dialogue_participants(dialogue_id);
CREATE UNIQUE INDEX dialogue_participants_tax_uq ON dialogue_participants(dialogue_id, tax_code) WHERE tax_code IS NOT NULL;

-- Questions the public sends before a dialogue (from its public page, no sign-in).
CREATE TABLE dialogue_questions (
  id bigserial PRIMARY KEY,
  dialogue_id bigint NOT NULL REFERENCES dialogues(id),
  question text NOT NULL CHECK (length(question) BETWEEN 10 AND 2000),
  -- PERSONAL DATA
  asker_name text CHECK (length(asker_name) BETWEEN 1 AND 200),
  asker_contact text CHECK (length(asker_contact) BETWEEN 3 AND 200),
  contact_kind text CHECK (contact_kind IN ('phone', 'email')),
  contact_consent boolean NOT NULL DEFAULT false,
  -- received: new; selected: chosen to be raised at the dialogue; answered: answered there (published without the
  -- asker's name or contact); declined: not taken up (spam, out of scope, duplicate).
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'selected', 'answered', 'declined')),
  answer text CHECK (length(answer) BETWEEN 1 AND 5000),
  answered_by bigint REFERENCES users(id),
  answered_at timestamptz,
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (asker_contact IS NULL OR (contact_consent AND contact_kind IS NOT NULL)),
  CHECK ((status = 'answered') = (answer IS NOT NULL))
);
CREATE UNIQUE INDEX dialogue_questions_idempotency_uq ON dialogue_questions(idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX dialogue_questions_dialogue_idx ON dialogue_questions(dialogue_id, created_at);

-- Every issue raised at a dialogue (cam kết): who owns it, by when, and the outcome the public reads.
CREATE TABLE dialogue_commitments (
  id bigserial PRIMARY KEY,
  dialogue_id bigint NOT NULL REFERENCES dialogues(id),
  -- The public question it answers, when it came from one.
  question_id bigint REFERENCES dialogue_questions(id),
  text text NOT NULL CHECK (length(text) BETWEEN 3 AND 2000),
  owner_unit_id bigint NOT NULL REFERENCES units(id),
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
  outcome text CHECK (length(outcome) BETWEEN 1 AND 5000),
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX dialogue_commitments_dialogue_idx ON dialogue_commitments(dialogue_id, id);
-- The staff list of open and overdue commitments across a subtree.
CREATE INDEX dialogue_commitments_open_idx ON dialogue_commitments(owner_unit_id, deadline) WHERE status = 'open';
