-- "Touch to know" (Chạm để biết), issue 6 item 4: questions citizens ask about procedures and local matters, from
-- the portal or a kiosk, and the public answers the unit's officials give. See src/modules/questions.
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): asker_name, asker_contact. Given voluntarily, used only to tell
-- the asker that the question was answered, and only with contact_consent. Shown to staff of the question's unit
-- only, each such read recorded in audit_log (action question.contact.read); never on a public page, in a JSON
-- answer for the public, in an audit row or in a log. The question text itself is the asker's own words: officials
-- reject or keep hidden a question that discloses personal data instead of publishing it.
CREATE TABLE questions (
  id bigserial PRIMARY KEY,
  -- The short code the asker keeps to look the question up (/hoi-dap/c/<code>): 8 characters of an alphabet
  -- without look-alikes (no 0/O, 1/I/L), readable aloud at the desk.
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-HJKMNP-Z2-9]{8}$'),
  unit_id bigint NOT NULL REFERENCES units(id),
  -- The procedure the question concerns, when asked from its page; null for local matters.
  procedure_id bigint REFERENCES procedures(id),
  question text NOT NULL CHECK (length(question) BETWEEN 10 AND 2000),
  -- PERSONAL DATA
  asker_name text CHECK (length(asker_name) BETWEEN 1 AND 200),
  asker_contact text CHECK (length(asker_contact) BETWEEN 3 AND 200),
  contact_kind text CHECK (contact_kind IN ('phone', 'email')),
  contact_consent boolean NOT NULL DEFAULT false,
  -- pending: waiting for an answer; answered: has the unit's answer; rejected: spam or out of scope, with a reason.
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'answered', 'rejected')),
  -- Only answered and published questions appear in the public list, search and procedure blocks; an answered one
  -- kept hidden is still shown to whoever holds its code (the asker).
  published boolean NOT NULL DEFAULT false,
  answer text CHECK (length(answer) BETWEEN 1 AND 5000),
  -- For staff only, never shown publicly.
  internal_note text CHECK (length(internal_note) <= 2000),
  reject_reason text CHECK (reject_reason IN ('spam', 'out_of_scope', 'duplicate', 'personal_data')),
  reject_note text CHECK (length(reject_note) <= 500),
  answered_by bigint REFERENCES users(id),
  answered_at timestamptz,
  published_at timestamptz,
  -- A form's hidden key or an API Idempotency-Key header: a repeated submission finds the question it made.
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  search_text text GENERATED ALWAYS AS (vn_unaccent(question || ' ' || coalesce(answer, ''))) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (asker_contact IS NULL OR (contact_consent AND contact_kind IS NOT NULL)),
  CHECK (NOT published OR (status = 'answered' AND answer IS NOT NULL)),
  CHECK (status <> 'answered' OR answer IS NOT NULL),
  CHECK ((status = 'rejected') = (reject_reason IS NOT NULL))
);
CREATE UNIQUE INDEX questions_idempotency_uq ON questions(idempotency_key) WHERE idempotency_key IS NOT NULL;
-- The unit's list: unanswered first, newest first.
CREATE INDEX questions_unit_idx ON questions(unit_id, (status = 'pending') DESC, created_at DESC);
CREATE INDEX questions_public_idx ON questions(published_at DESC) WHERE published;
CREATE INDEX questions_procedure_idx ON questions(procedure_id, published_at DESC) WHERE published;
CREATE INDEX questions_search_idx ON questions USING gin (search_text gin_trgm_ops);
