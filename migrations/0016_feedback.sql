-- Feedback (phản ánh, kiến nghị) from every channel, issue 7 (models M8): the public web form, the 1022 hotline
-- operator, e-mail, Zalo Official Account, Facebook Page, Open311 GeoReport v2 clients, the digital suggestion box.
-- See src/modules/feedback (core: intake, routing, handling, deadlines, publication), src/modules/open311 and
-- src/modules/feedback-channels (webhook adapters).
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): contact_name, contact_phone, contact_email, sender_ref (a Zalo
-- user id, a Facebook page-scoped id, an e-mail address), the exact coordinates and the address, and whatever the
-- sender wrote in the description. Used only to handle the feedback and tell the sender the answer. Shown to staff
-- of the handling unit (each read of the contact audited: feedback.contact.read); never published: the public
-- text is written by an official (public_title, public_summary) and published only when they say so.

ALTER TABLE role_grants DROP CONSTRAINT IF EXISTS role_grants_role_check;
ALTER TABLE role_grants ADD CONSTRAINT role_grants_role_check CHECK (role IN ('system_admin', 'unit_leader', 'one_stop_clerk',
  'specialist', 'home_affairs_officer', 'post_office_staff', 'support_volunteer', 'hotline_operator'));

-- Categories (lĩnh vực phản ánh) with the unit responsible by default and the handling time limits, in working days
-- of the handling unit's calendar. Defaults follow Nghị định 20/2008/NĐ-CP as amended by 92/2017/NĐ-CP (classify
-- and transfer within 3 working days; answer within 10) and are per-category data an administrator changes.
CREATE TABLE feedback_categories (
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  name_en text CHECK (length(name_en) BETWEEN 2 AND 200),
  description text CHECK (length(description) <= 1000),
  -- Open311 `group` and `keywords` of the service.
  group_name text CHECK (length(group_name) <= 100),
  keywords text CHECK (length(keywords) <= 500),
  -- The unit that answers feedback of this category when no routing rule says otherwise; null: the unit the
  -- sender addressed (or the commune of the place).
  unit_id bigint REFERENCES units(id),
  classify_days smallint NOT NULL DEFAULT 3 CHECK (classify_days BETWEEN 1 AND 30),
  answer_days smallint NOT NULL DEFAULT 10 CHECK (answer_days BETWEEN 1 AND 90),
  -- Warn the handling unit this many working days before the answer is due.
  warn_days smallint NOT NULL DEFAULT 2 CHECK (warn_days BETWEEN 0 AND 30),
  active boolean NOT NULL DEFAULT true,
  position int NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Routing rules (quy tắc điều phối): the first active rule by position whose conditions all hold sends new feedback
-- to its unit. A null condition matches anything; place_unit matches the place's unit and its whole subtree.
CREATE TABLE feedback_routing_rules (
  id bigserial PRIMARY KEY,
  position int NOT NULL DEFAULT 0,
  category_id bigint REFERENCES feedback_categories(id),
  place_unit_id bigint REFERENCES units(id),
  channel text CHECK (channel IN ('web', 'hotline', 'email', 'zalo', 'facebook', 'open311', 'suggestion_box')),
  -- Words looked for in the title and description, without diacritics, any of them (comma separated).
  keywords text CHECK (length(keywords) <= 500),
  target_unit_id bigint NOT NULL REFERENCES units(id),
  active boolean NOT NULL DEFAULT true,
  note text CHECK (length(note) <= 500),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feedback_routing_rules_position_idx ON feedback_routing_rules(position, id) WHERE active;

CREATE TABLE feedback (
  id bigserial PRIMARY KEY,
  -- The code the sender keeps (mã phản ánh), also the Open311 service_request_id: 8 characters without look-alikes.
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-HJKMNP-Z2-9]{8}$'),
  channel text NOT NULL CHECK (channel IN ('web', 'hotline', 'email', 'zalo', 'facebook', 'open311', 'suggestion_box')),
  -- phản ánh (a problem), kiến nghị (a proposal), góp ý (a suggestion, the digital suggestion box).
  kind text NOT NULL DEFAULT 'report' CHECK (kind IN ('report', 'proposal', 'suggestion')),
  category_id bigint REFERENCES feedback_categories(id),
  -- The unit the sender addressed (Open311 jurisdiction, the unit page the form was on); the unit handling it now.
  addressed_unit_id bigint REFERENCES units(id),
  unit_id bigint NOT NULL REFERENCES units(id),
  title text CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  -- Place: a unit (commune/ward) and/or a free address and/or coordinates (WGS 84).
  place_unit_id bigint REFERENCES units(id),
  address text CHECK (length(address) <= 300),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  -- PERSONAL DATA (see the head of this file). Anonymous feedback has none of them.
  contact_name text CHECK (length(contact_name) BETWEEN 1 AND 200),
  contact_phone text CHECK (length(contact_phone) BETWEEN 3 AND 30),
  contact_email text CHECK (length(contact_email) BETWEEN 3 AND 254),
  -- The sender agreed to be contacted about this feedback (required to keep a contact).
  contact_consent boolean NOT NULL DEFAULT false,
  -- The channel's own identity of the sender (Zalo user id, Facebook PSID, e-mail address) and of the message.
  sender_ref text CHECK (length(sender_ref) <= 254),
  external_ref text CHECK (length(external_ref) <= 254),
  -- Open311 extras kept as sent (attribute[code] values, media_url, device_id, account_id).
  extra jsonb NOT NULL DEFAULT '{}',
  received_by bigint REFERENCES users(id),
  api_key_id bigint REFERENCES api_keys(id),
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  -- received → accepted → assigned → in_progress → answered → closed; rejected (out of scope); merged (duplicate).
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'accepted', 'assigned', 'in_progress', 'answered', 'closed', 'rejected', 'merged')),
  assignee_id bigint REFERENCES users(id),
  merged_into_id bigint REFERENCES feedback(id),
  reject_reason text CHECK (length(reject_reason) BETWEEN 1 AND 1000),
  -- The answer to the sender (công khai), separate from the internal notes in feedback_events.
  answer text CHECK (length(answer) BETWEEN 1 AND 5000),
  answered_by bigint REFERENCES users(id),
  answered_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now(),
  -- Deadlines in the handling unit's working-day calendar, recomputed on transfer and reopening.
  classify_due_at timestamptz NOT NULL,
  answer_due_at timestamptz NOT NULL,
  warned_at timestamptz,
  escalated_at timestamptz,
  escalated_to_unit_id bigint REFERENCES units(id),
  -- The sender's rating of the answer, four levels as for dossiers (M13), and one reopening when unsatisfied.
  rating text CHECK (rating IN ('rat_hai_long', 'hai_long', 'binh_thuong', 'khong_hai_long')),
  rated_at timestamptz,
  reopen_count smallint NOT NULL DEFAULT 0 CHECK (reopen_count BETWEEN 0 AND 1),
  reopen_reason text CHECK (length(reopen_reason) <= 1000),
  -- Publication (công khai kết quả trả lời): an official's text without personal data.
  published boolean NOT NULL DEFAULT false,
  public_title text CHECK (length(public_title) BETWEEN 1 AND 200),
  public_summary text CHECK (length(public_summary) BETWEEN 1 AND 2000),
  published_at timestamptz,
  published_by bigint REFERENCES users(id),
  public_search text GENERATED ALWAYS AS (vn_unaccent(coalesce(public_title, '') || ' ' || coalesce(public_summary, '') || ' ' || coalesce(answer, ''))) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (contact_consent OR (contact_name IS NULL AND contact_phone IS NULL AND contact_email IS NULL)),
  CHECK (status <> 'merged' OR merged_into_id IS NOT NULL),
  CHECK (status <> 'rejected' OR reject_reason IS NOT NULL),
  CHECK (status NOT IN ('answered', 'closed') OR answer IS NOT NULL),
  CHECK (NOT published OR (answer IS NOT NULL AND public_title IS NOT NULL AND public_summary IS NOT NULL))
);
CREATE UNIQUE INDEX feedback_idempotency_uq ON feedback(idempotency_key) WHERE idempotency_key IS NOT NULL;
-- One feedback per message of a channel (a webhook delivered twice).
CREATE UNIQUE INDEX feedback_external_uq ON feedback(channel, external_ref) WHERE external_ref IS NOT NULL;
-- The handling unit's list: open first by due date.
CREATE INDEX feedback_unit_idx ON feedback(unit_id, status, answer_due_at);
CREATE INDEX feedback_received_idx ON feedback(received_at);
CREATE INDEX feedback_open_due_idx ON feedback(answer_due_at) WHERE status IN ('received', 'accepted', 'assigned', 'in_progress');
CREATE INDEX feedback_public_idx ON feedback(published_at DESC) WHERE published;
CREATE INDEX feedback_public_search_idx ON feedback USING gin (public_search gin_trgm_ops) WHERE published;

-- Photos and documents sent with feedback (checked by content: JPEG, PNG, PDF).
CREATE TABLE feedback_attachments (
  id bigserial PRIMARY KEY,
  feedback_id bigint NOT NULL REFERENCES feedback(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  mime text NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size int NOT NULL CHECK (size BETWEEN 1 AND 5242880),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(content) = size)
);
CREATE INDEX feedback_attachments_feedback_idx ON feedback_attachments(feedback_id);

-- Everything that happened to a feedback item, in order. `public` events are the updates the sender and Open311
-- clients see (FixMyStreet polls them); internal notes and transfers between units are not public.
CREATE TABLE feedback_events (
  id bigserial PRIMARY KEY,
  feedback_id bigint NOT NULL REFERENCES feedback(id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id bigint REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('received', 'accepted', 'assigned', 'started', 'transferred', 'note', 'answered',
    'closed', 'rejected', 'merged', 'rated', 'reopened', 'warned', 'escalated', 'published', 'unpublished', 'notified')),
  status text NOT NULL,
  from_unit_id bigint REFERENCES units(id),
  to_unit_id bigint REFERENCES units(id),
  -- Internal notes and reasons (never public); public_text is what the sender sees for this step.
  note text CHECK (length(note) <= 5000),
  public_text text CHECK (length(public_text) <= 5000),
  public boolean NOT NULL DEFAULT false
);
CREATE INDEX feedback_events_feedback_idx ON feedback_events(feedback_id, id);
CREATE INDEX feedback_events_public_idx ON feedback_events(at, id) WHERE public;

-- Messages to senders and staff (e-mail through SMTP, SMS through the SMS adapter), written in the same transaction
-- as the change that causes them and sent by a job: a crash never loses or doubles one.
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  -- PERSONAL DATA: the recipient's address or phone number, kept only until sent (+30 days for failures).
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
  subject text CHECK (length(subject) <= 300),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  -- What it is about, for the audit and the indicators: 'feedback:<code>', 'dialogue:<id>' …
  about text NOT NULL CHECK (length(about) <= 100),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts smallint NOT NULL DEFAULT 0,
  last_error text CHECK (length(last_error) <= 1000),
  send_after timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_pending_idx ON notifications(send_after) WHERE status = 'pending';

-- Inbound webhook deliveries refused (bad signature, replayed or stale timestamp, malformed): logged for the
-- administrator, without the payload (it may hold personal data), with a hash to spot repeats.
CREATE TABLE webhook_rejections (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  channel text NOT NULL CHECK (length(channel) <= 40),
  reason text NOT NULL CHECK (reason IN ('bad_signature', 'missing_signature', 'stale_timestamp', 'replayed', 'malformed', 'unknown_recipient')),
  ip text,
  payload_sha256 text CHECK (payload_sha256 ~ '^[0-9a-f]{64}$')
);
CREATE INDEX webhook_rejections_at_idx ON webhook_rejections(at DESC);

-- Deliveries already taken, by the channel's event id: a replay of a correctly signed delivery is refused.
CREATE TABLE webhook_deliveries (
  channel text NOT NULL,
  event_id text NOT NULL CHECK (length(event_id) <= 254),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, event_id)
);

-- The leaders' hotline numbers each unit publishes (đường dây nóng của lãnh đạo, seed 004).
CREATE TABLE unit_hotlines (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 120),
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  phone text NOT NULL CHECK (phone ~ '^[0-9+ .()-]{3,30}$'),
  email text CHECK (length(email) <= 254),
  position int NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_hotlines_unit_idx ON unit_hotlines(unit_id, position);
