-- The messages a unit shows on its LED board (bảng LED) and on its listing kiosk (niêm yết điện tử), issue 6 item 7.
-- Officials of the unit edit them (src/modules/kiosks); the board also shows today's queue figures and reminders,
-- computed from the dossiers, which are not stored here.

CREATE TABLE kiosk_messages (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  -- Display order on the board (1 first); renumbered 1..n by every move.
  position integer NOT NULL CHECK (position >= 1),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 300),
  enabled boolean NOT NULL DEFAULT true,
  -- Shown from valid_from through valid_to (both inclusive, Vietnam dates) when set.
  valid_from date,
  valid_to date,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX kiosk_messages_unit_idx ON kiosk_messages(unit_id, position, id);

-- The default messages every unit starts with: the "4 xin, 4 luôn, 5 không" commitments of the friendly-government
-- model, word for word from seed 004 (Kế hoạch 190/KH-UBND, 8/8/2023, thị xã Phước Long, §II.1), which asks for them
-- on the LED screens of the one-stop desk. Officials may edit, reorder or switch them off like any message.
CREATE FUNCTION kiosk_default_messages(p_unit_id bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO kiosk_messages (unit_id, position, body)
  VALUES
    (p_unit_id, 1, 'Cán bộ, công chức, viên chức: luôn quyết tâm thực hiện tốt “4 xin”, “4 luôn” và “5 không”.'),
    (p_unit_id, 2, '“4 xin”: Xin chào, xin lỗi, xin cảm ơn, xin phép.'),
    (p_unit_id, 3, '“4 luôn”: Luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ.'),
    (p_unit_id, 4, '“5 không”: Không cửa quyền, hách dịch, gây khó khăn, phiền hà; không quan liêu, vô cảm, vô trách nhiệm; '
                   'không tham nhũng, lãng phí, lợi ích nhóm; không xu nịnh, chạy chọt, gian dối; '
                   'không lợi dụng chức vụ, quyền hạn trong thực thi công vụ.');
$$;

SELECT kiosk_default_messages(id) FROM units;

CREATE FUNCTION kiosk_messages_for_new_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kiosk_default_messages(NEW.id);
  RETURN NULL;
END
$$;
CREATE TRIGGER units_kiosk_default_messages AFTER INSERT ON units
  FOR EACH ROW EXECUTE FUNCTION kiosk_messages_for_new_unit();
