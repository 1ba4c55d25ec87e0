-- Support teams, issue 8 item 2 (model M5: Đội hỗ trợ dịch vụ công miễn phí). See src/modules/support-teams and
-- docs/support-teams.md. A unit's teams are drawn from its mass organisations (Đoàn Thanh niên, Hội Liên hiệp Phụ nữ,
-- Hội Cựu chiến binh …); members need not be staff. A duty roster says who is on the desk (Bộ phận Một cửa), the
-- hotline, online chat (Zalo, Facebook) or home visits, and when; each help given is recorded and counted.
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): support_team_members.full_name and .phone. The name is shown on the
-- public page while the member is on duty. The phone is shown to the public ONLY while the member is on duty AND
-- public_phone_consent is true (the member agreed); otherwise only to staff holding support-teams.manage on the unit.
-- Never in an audit row (which keeps only whether a phone was given) or in a log.
CREATE TABLE support_teams (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  organisation text NOT NULL CHECK (organisation IN
    ('youth_union', 'women_union', 'veterans', 'farmers', 'fatherland_front', 'trade_union', 'other')),
  description text CHECK (length(description) <= 2000),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, name)
);

CREATE TABLE support_team_members (
  id bigserial PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES support_teams(id),
  -- The team's unit, kept here so every large table carries its owner unit.
  unit_id bigint NOT NULL REFERENCES units(id),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 120),
  organisation text NOT NULL CHECK (organisation IN
    ('youth_union', 'women_union', 'veterans', 'farmers', 'fatherland_front', 'trade_union', 'other')),
  phone text CHECK (phone ~ '^\+?[0-9 .]{8,20}$'),
  -- The member agreed that the public page shows this phone while they are on duty.
  public_phone_consent boolean NOT NULL DEFAULT false,
  -- A member who signs in (role support_volunteer) to record the help they give.
  user_id bigint REFERENCES users(id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, user_id)
);
CREATE INDEX support_team_members_team_idx ON support_team_members(team_id);
CREATE INDEX support_team_members_user_idx ON support_team_members(user_id) WHERE user_id IS NOT NULL;

-- A duty shift (ca trực) at a unit, in one Vietnam day.
CREATE TABLE support_shifts (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  duty text NOT NULL CHECK (duty IN ('desk', 'hotline', 'online_chat', 'home_visit')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  note text CHECK (length(note) <= 500),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX support_shifts_unit_idx ON support_shifts(unit_id, starts_at);

-- Who is on a shift. A member's shifts never overlap: checked by the command under a lock on the member's row.
CREATE TABLE support_shift_members (
  shift_id bigint NOT NULL REFERENCES support_shifts(id) ON DELETE CASCADE,
  member_id bigint NOT NULL REFERENCES support_team_members(id),
  PRIMARY KEY (shift_id, member_id)
);
CREATE INDEX support_shift_members_member_idx ON support_shift_members(member_id);

-- One help given to one person (không lưu thông tin người được hỗ trợ, chỉ loại việc và mã hồ sơ nếu có).
CREATE TABLE support_help_records (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  team_id bigint NOT NULL REFERENCES support_teams(id),
  member_id bigint NOT NULL REFERENCES support_team_members(id),
  kind text NOT NULL CHECK (kind IN ('vneid_account', 'online_dossier', 'payment', 'guidance')),
  helped_on date NOT NULL,
  dossier_code text CHECK (dossier_code ~ '^[A-Za-z0-9./-]{3,40}$'),
  recorded_by bigint REFERENCES users(id),
  -- A form's one-time key, so a double tap on a phone records the help once.
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 8 AND 80),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_help_records_unit_idx ON support_help_records(unit_id, helped_on);
CREATE UNIQUE INDEX support_help_records_idem_uq ON support_help_records(recorded_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
