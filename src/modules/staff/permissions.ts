/**
 * Roles held at a unit and the permissions each grants. A grant covers its unit, and the
 * unit's whole subtree when the grant says so.
 */
export const roles = [
  'system_admin',
  'unit_leader',
  'one_stop_clerk',
  'specialist',
  'home_affairs_officer',
  'post_office_staff',
  'support_volunteer',
  'hotline_operator',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  unit_leader: { vi: 'Lãnh đạo đơn vị', en: 'Unit leader' },
  one_stop_clerk: { vi: 'Công chức Một cửa', en: 'One-stop clerk' },
  specialist: { vi: 'Chuyên viên xử lý', en: 'Specialist' },
  home_affairs_officer: { vi: 'Cán bộ Nội vụ', en: 'Home Affairs officer' },
  post_office_staff: { vi: 'Nhân viên Bưu điện', en: 'Post-office staff' },
  support_volunteer: { vi: 'Tình nguyện viên hỗ trợ', en: 'Support-team volunteer' },
  hotline_operator: { vi: 'Tổng đài viên 1022', en: '1022 hotline operator' },
};

export const permissions = [
  'units.read',
  'units.manage',
  'users.read',
  'users.manage',
  'procedures.read',
  'procedures.manage',
  'calendar.read',
  'calendar.manage',
  'audit.read',
  'api-keys.manage',
  // One-stop dossiers (hồ sơ TTHC)
  'dossiers.read',
  'dossiers.receive', // tiếp nhận: intake, completeness check, accept/refuse/supplement, return, close
  'dossiers.process', // thụ lý: processing steps and hand-overs
  'dossiers.approve', // phê duyệt: approve results, issue apology-and-extension documents
  'dossiers.policies', // same-day and no-appointment policies of a unit
  'reports.read',
  'kiosks.manage', // the unit's LED-board and kiosk messages (bảng LED, niêm yết điện tử)
  'guides.print', // the QR guide sheets of a unit (phiếu hướng dẫn bằng mã QR): the whole set at once, audited
  'questions.answer', // answer, publish, hide or reject citizens' questions to the unit (hỏi đáp "Chạm để biết"); see the asker's contact, audited
  // Feedback (phản ánh, kiến nghị; tổng đài 1022)
  'feedback.receive', // tiếp nhận: enter feedback by hand (1022 operator, one-stop clerk), read the unit's list
  'feedback.handle', // xử lý: classify, assign, answer, transfer, reject, merge, note, publish; see the sender's contact, audited
  'feedback.manage', // quản lý: categories (lĩnh vực), routing rules (điều phối), the leaders' hotline numbers (đường dây nóng)
  'index.inputs', // the service index's figures from outside the system (Bộ chỉ số 766: e.g. publication on the national procedures database), per unit and period, audited
  'samples.manage', // upload, replace and delete the unit's sample filled dossiers (hồ sơ mẫu) shown on the public procedure pages, audited
  'dialogues.manage', // radio dialogues and business coffee (đối thoại): schedule, participants, questions beforehand (asker's contact audited), commitments, coverage
  'letters.write', // thư chúc mừng, chia buồn, xin lỗi: viết, sửa dự thảo, trình duyệt, in và gửi thư đã duyệt; ghi nhận người từ chối nhận thư chúc mừng
  'letters.approve', // lãnh đạo duyệt, ký thư (cấp số trong sổ thư), trả lại để sửa; mẫu thư của đơn vị
  'support-teams.manage', // đội hỗ trợ dịch vụ công (Đoàn Thanh niên, Hội Phụ nữ …): đội, thành viên (số điện thoại là dữ liệu cá nhân), lịch trực, kết quả hỗ trợ
  'support-teams.record', // ghi nhận người dân được hỗ trợ (tạo tài khoản VNeID, nộp hồ sơ trực tuyến, thanh toán); tình nguyện viên chỉ ghi cho đội của mình
  'postal.handle', // bưu điện (dịch vụ bưu chính công ích): xem bưu gửi giao cho bưu điện mình (chỉ người nhận, không xem thành phần hồ sơ), ghi từng bước chuyển phát
  'payments.collect', // thu phí, lệ phí: lập phí của hồ sơ, mã VietQR, thu tiền mặt tại quầy, miễn giảm, biên lai
  'payments.manage', // tài khoản chuyên thu của đơn vị (ngân hàng, số tài khoản, quầy), thẻ QR tại quầy
  'conduct.read', // chính quyền thân thiện: xem ai chưa ký cam kết "4 xin, 4 luôn, 5 không" và kết quả khảo sát sự hài lòng (theo đơn vị, dịch vụ, cán bộ)
  'conduct.manage', // ban hành phiên bản mới của bản cam kết "4 xin, 4 luôn, 5 không" (cần quyền ở cấp tỉnh, xem authorize.ts holdsGlobally)
  'surveys.manage', // tạo cuộc khảo sát sự hài lòng của đơn vị, in phiếu giấy có mã QR, nhập phiếu giấy
  'appointments.manage', // hẹn giờ thực hiện TTHC tại nhà: xem, nhập yêu cầu (thông tin người dân, có ghi nhật ký), đề xuất, xác nhận giờ, phân công, ghi kết quả
  'reform.manage', // danh mục mô hình CCHC do đơn vị ban hành: thêm, sửa mô hình (mục đích, cơ quan thực hiện, theo dõi, bắt buộc hay tự chọn, giải quyết trong ngày)
  'reform.register', // đăng ký mô hình đơn vị thực hiện và thủ tục giải quyết trong ngày; ghi biện pháp khắc phục sau kiểm tra của đơn vị được kiểm tra
  'reform.inspect', // theo dõi, kiểm tra đơn vị cấp dưới: xem đơn vị chưa tuân thủ kế hoạch mô hình, lập đoàn kiểm tra, ghi và đóng kết luận
  'reform-reports.write', // báo cáo kết quả thực hiện mô hình CCHC theo kỳ: lập báo cáo từ số liệu, viết nội dung từng mô hình, tổng hợp báo cáo đơn vị trực thuộc, gửi cấp trên
] as const;
export type Permission = (typeof permissions)[number];

const all = [...permissions];

/** The permission matrix. Catalogue-wide powers (procedures, the national calendar) also need a root-unit grant: see authorize.ts. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  system_admin: all,
  unit_leader: [
    'units.read',
    'users.read',
    'users.manage',
    'procedures.read',
    'calendar.read',
    'audit.read',
    'dossiers.read',
    'dossiers.process',
    'dossiers.approve',
    'dossiers.policies',
    'reports.read',
    'kiosks.manage',
    'guides.print',
    'questions.answer',
    'samples.manage',
    'feedback.receive',
    'feedback.handle',
    'feedback.manage',
    'dialogues.manage',
    'payments.collect',
    'payments.manage',
    'support-teams.manage',
    'support-teams.record',
    'letters.write',
    'letters.approve',
    'appointments.manage',
    'conduct.read',
    'surveys.manage',
    'reform.register',
    'reform.inspect',
    'reform-reports.write',
  ],
  home_affairs_officer: [
    'units.read',
    'units.manage',
    'users.read',
    'procedures.read',
    'procedures.manage',
    'calendar.read',
    'calendar.manage',
    'audit.read',
    'dossiers.read',
    'dossiers.policies',
    'reports.read',
    'guides.print',
    'index.inputs',
    'feedback.manage',
    'dialogues.manage',
    'payments.manage',
    'conduct.read',
    'conduct.manage',
    'surveys.manage',
    'reform.manage',
    'reform.register',
    'reform.inspect',
    'reform-reports.write',
  ],
  one_stop_clerk: [
    'units.read',
    'procedures.read',
    'calendar.read',
    'dossiers.read',
    'dossiers.receive',
    'kiosks.manage',
    'questions.answer',
    'guides.print',
    'samples.manage',
    'feedback.receive',
    'feedback.handle',
    'payments.collect',
    'support-teams.manage',
    'support-teams.record',
    'letters.write',
    'appointments.manage',
    'surveys.manage',
  ],
  specialist: ['units.read', 'procedures.read', 'calendar.read', 'dossiers.read', 'dossiers.process', 'questions.answer', 'feedback.handle', 'letters.write'],
  post_office_staff: ['units.read', 'procedures.read', 'postal.handle'],
  support_volunteer: ['procedures.read', 'support-teams.record'],
  hotline_operator: ['units.read', 'procedures.read', 'feedback.receive'],
};

/**
 * Which roles a holder of each role may hand out (at units where they manage users). A leader
 * staffs the desk; only a system administrator creates leaders, Home Affairs officers and admins.
 */
export const assignableRoles: Record<Role, readonly Role[]> = {
  system_admin: roles,
  unit_leader: ['one_stop_clerk', 'specialist', 'post_office_staff', 'support_volunteer', 'hotline_operator'],
  home_affairs_officer: [],
  one_stop_clerk: [],
  specialist: [],
  post_office_staff: [],
  support_volunteer: [],
  hotline_operator: [],
};

/** Scopes an API key may carry; a scope names a permission or an integration such as Open311. */
export const apiScopes = ['units.read', 'procedures.read', 'procedures.manage', 'calendar.read', 'open311'] as const;
