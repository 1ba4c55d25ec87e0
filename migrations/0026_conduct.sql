-- Friendly conduct, issue 9 item 2 (model M13, seed 004: Kế hoạch 190/KH-UBND, 8/8/2023, thị xã Phước Long).
-- See src/modules/conduct and docs/conduct.md.
--   conduct_commitment_versions:   the text of the commitment "4 xin, 4 luôn, 5 không" (bản cam kết), versioned; the
--                                   version in force is the highest one whose effective date has come;
--   conduct_commitment_signatures: one row per official and version signed online (signing twice is one row);
--   surveys, survey_questions, survey_responses, survey_answers: satisfaction surveys of citizens and businesses
--                                   (khảo sát sự hài lòng), online and on paper, on the four-level scale.
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): survey_responses.respondent_name and .contact, given voluntarily
-- and kept only with contact_consent; never on a public page, in the results, an export, an audit row or a log.
-- conduct_commitment_signatures.ip is kept as evidence of the online signature, like the audit log's ip.

CREATE TABLE conduct_commitment_versions (
  version int PRIMARY KEY CHECK (version > 0),
  effective_on date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 5 AND 300),
  body text NOT NULL CHECK (length(body) BETWEEN 20 AND 20000),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conduct_commitment_signatures (
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  version int NOT NULL REFERENCES conduct_commitment_versions(version),
  signed_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  PRIMARY KEY (user_id, version)
);
CREATE INDEX conduct_commitment_signatures_version_idx ON conduct_commitment_signatures(version, user_id);

-- Version 1, word for word from seed 004 §II.1 (the same words the kiosks module puts on the LED board).
INSERT INTO conduct_commitment_versions (version, effective_on, title, body) VALUES (
  1,
  '2023-08-08',
  'Bản cam kết thực hiện “4 xin”, “4 luôn” và “5 không”',
  'Thực hiện mô hình “Chính quyền thân thiện” (Kế hoạch số 190/KH-UBND ngày 08/8/2023), tôi cam kết luôn quyết tâm thực hiện tốt “4 xin”, “4 luôn” và “5 không” trong thực thi công vụ, cụ thể:' || E'\n' ||
  '“4 xin”: Xin chào, xin lỗi, xin cảm ơn, xin phép.' || E'\n' ||
  '“4 luôn”: Luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ.' || E'\n' ||
  '“5 không”: Không cửa quyền, hách dịch, gây khó khăn, phiền hà; không quan liêu, vô cảm, vô trách nhiệm; '
  'không tham nhũng, lãng phí, lợi ích nhóm; không xu nịnh, chạy chọt, gian dối; '
  'không lợi dụng chức vụ, quyền hạn trong thực thi công vụ.'
);

CREATE TABLE surveys (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  title text NOT NULL CHECK (length(title) BETWEEN 5 AND 200),
  intro text CHECK (length(intro) <= 2000),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  ask_official boolean NOT NULL DEFAULT true,
  ask_procedure boolean NOT NULL DEFAULT true,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);
CREATE INDEX surveys_unit_idx ON surveys(unit_id, opens_on DESC);

CREATE TABLE survey_questions (
  survey_id bigint NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 30),
  kind text NOT NULL CHECK (kind IN ('rating', 'text')),
  -- Rating questions only: what is rated (rules/survey.ts aspects).
  aspect text CHECK (aspect IN ('service', 'official', 'facilities', 'time', 'information')),
  label text NOT NULL CHECK (length(label) BETWEEN 3 AND 500),
  PRIMARY KEY (survey_id, position),
  CHECK ((kind = 'rating') = (aspect IS NOT NULL))
);

CREATE TABLE survey_responses (
  id bigserial PRIMARY KEY,
  survey_id bigint NOT NULL REFERENCES surveys(id),
  unit_id bigint NOT NULL REFERENCES units(id),
  channel text NOT NULL CHECK (channel IN ('online', 'paper')),
  respondent_kind text CHECK (respondent_kind IN ('citizen', 'business')),
  -- The official served and the service, with the name as shown when answered (the results group by the id).
  official_user_id bigint REFERENCES users(id) ON DELETE SET NULL,
  official_name text CHECK (length(official_name) <= 120),
  procedure_id bigint REFERENCES procedures(id),
  procedure_name text CHECK (length(procedure_name) <= 1000),
  respondent_name text CHECK (length(respondent_name) <= 200),
  contact text CHECK (length(contact) <= 200),
  contact_kind text CHECK (contact_kind IN ('phone', 'email')),
  contact_consent boolean NOT NULL DEFAULT false,
  -- The day the answers were given: today online, the date on the paper form when entered by hand.
  answered_on date NOT NULL,
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  entered_by bigint REFERENCES users(id),
  received_at timestamptz NOT NULL DEFAULT now(),
  CHECK (contact IS NULL OR contact_consent),
  CHECK ((channel = 'paper') = (entered_by IS NOT NULL))
);
CREATE UNIQUE INDEX survey_responses_idempotency_uq ON survey_responses(survey_id, idempotency_key);
CREATE INDEX survey_responses_unit_idx ON survey_responses(unit_id, answered_on);

CREATE TABLE survey_answers (
  response_id bigint NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  position smallint NOT NULL,
  rating text CHECK (rating IN ('rat_hai_long', 'hai_long', 'binh_thuong', 'khong_hai_long')),
  text_answer text CHECK (length(text_answer) BETWEEN 1 AND 2000),
  PRIMARY KEY (response_id, position),
  CHECK ((rating IS NULL) <> (text_answer IS NULL))
);
