/**
 * Demo registrations of the seed models. Where a seed says who runs what, it is followed (seed 004's appendix tables,
 * the province models at every commune and ward of Đồng Tháp); the optional picks of Cao Lãnh's communes and the one
 * 2026 department model are invented for the demo and say so in their note. Two Cao Lãnh units are left breaking a
 * rule on purpose, so the compliance view has something to show.
 */

export interface DemoRegistration {
  unit: string;
  model: string;
  from: string;
  to?: string | null;
  note?: string | null;
  /** Procedures named in the seed: the catalogue code when the demo catalogue has it, else null (reported missing). */
  procedures?: { name: string; code: string | null }[];
}

const caoLanhCommunes = [
  'cao-lanh-phuong-1',
  'cao-lanh-phuong-2',
  'cao-lanh-phuong-3',
  'cao-lanh-phuong-4',
  'cao-lanh-phuong-6',
  'cao-lanh-phuong-11',
  'cao-lanh-phuong-my-phu',
  'cao-lanh-phuong-hoa-thuan',
  'cao-lanh-xa-my-ngai',
  'cao-lanh-xa-my-tan',
  'cao-lanh-xa-my-tra',
  'cao-lanh-xa-tan-thuan-tay',
  'cao-lanh-xa-hoa-an',
  'cao-lanh-xa-tan-thuan-dong',
  'cao-lanh-xa-tinh-thoi',
];
const saDecCommunes = [
  'sa-dec-phuong-1',
  'sa-dec-phuong-2',
  'sa-dec-phuong-3',
  'sa-dec-phuong-4',
  'sa-dec-phuong-an-hoa',
  'sa-dec-phuong-tan-quy-dong',
  'sa-dec-xa-tan-khanh-dong',
  'sa-dec-xa-tan-quy-tay',
  'sa-dec-xa-tan-phu-dong',
];
const hongNguCommunes = [
  'hong-ngu-phuong-an-loc',
  'hong-ngu-phuong-an-thanh',
  'hong-ngu-phuong-an-lac',
  'hong-ngu-phuong-an-binh-a',
  'hong-ngu-phuong-an-binh-b',
  'hong-ngu-xa-binh-thanh',
  'hong-ngu-xa-tan-hoi',
];

const provinceCodes = [
  'dt-ca-phe-doanh-nhan',
  'dt-dong-hanh-cung-nhan-dan',
  'dt-thu-chuc-mung-chia-buon-xin-loi',
  'dt-hen-gio-tai-nha',
  'dt-chuyen-giao-dich-vu-cong',
  'dt-tong-dai-1022',
  'dt-dvc-truc-tuyen-buu-chinh',
  'dt-cong-dan-khong-viet',
  'dt-mang-xa-hoi',
];
const cityOptional = [
  'cl-ngay-truc-tuyen-khong-hen',
  'cl-doan-vien-hoi-vien-ho-tro',
  'cl-cong-an-huong-ve-co-so',
  'cl-to-khai-qr-vneid',
  'cl-ho-so-khong-hen-qr',
  'cl-phieu-huong-dan-qr',
];

function build(): DemoRegistration[] {
  const out: DemoRegistration[] = [];
  // Seeds 000, 001, 002: the province models at the three cities and at every commune and ward of Đồng Tháp
  // (the business coffee is a province and district-level model: "Lãnh đạo UBND Tỉnh, các sở, ban, ngành tỉnh, UBND cấp huyện").
  for (const unit of ['cao-lanh', 'sa-dec', 'hong-ngu']) for (const model of provinceCodes) out.push({ unit, model, from: '2021-09-11' });
  for (const unit of [...caoLanhCommunes, ...saDecCommunes, ...hongNguCommunes])
    for (const model of provinceCodes) out.push({ unit, model, from: '2021-09-11' });
  // Seed 000: the city's two mandatory models at its communes and wards — Phường 6 has not registered the cashless model.
  for (const unit of caoLanhCommunes) {
    out.push({ unit, model: 'cl-niem-yet-dien-tu', from: '2023-10-31' });
    if (unit !== 'cao-lanh-phuong-6') out.push({ unit, model: 'cl-khong-dung-tien-mat', from: '2023-10-31' });
  }
  // Seed 000: at least one optional model each (invented picks) — Xã Tịnh Thới has picked none.
  caoLanhCommunes.forEach((unit, i) => {
    if (unit === 'cao-lanh-xa-tinh-thoi') return;
    out.push({ unit, model: cityOptional[i % cityOptional.length] as string, from: '2023-11-15', note: 'Lựa chọn của đơn vị (dữ liệu trình diễn)' });
  });
  // Seed 000 III.4: the justice office leads the QR / VNeID e-declaration at city level.
  out.push({ unit: 'cao-lanh-phong-tu-phap', model: 'cl-to-khai-qr-vneid', from: '2023-10-31' });
  out.push({
    unit: 'cao-lanh-van-phong-hdnd-ubnd',
    model: 'cl-ngay-truc-tuyen-khong-hen',
    from: '2026-03-02',
    note: 'Mô hình mới năm 2026 (dữ liệu trình diễn)',
  });
  out.push(...phuocLong);
  return out;
}

const PL = 'pl-chinh-quyen-than-thien';
const PL_FROM = '2023-08-01';

/** Seed 004, the two appendix tables ("Các mô hình Chính quyền thân thiện" of the town's offices and of its wards). */
const phuocLong: DemoRegistration[] = [
  {
    unit: 'phuoc-long-phong-lao-dong-thuong-binh-xa-hoi',
    model: PL,
    from: PL_FROM,
    note: 'Theo Báo cáo số 23/BC-LĐ,TBXH ngày 26/6/2023',
    // The catalogue's 1.001731 is the commune-level burial support for social-protection beneficiaries, not the town's
    // "chế độ mai táng phí": left unresolved rather than guessed.
    procedures: [{ name: 'Thủ tục giải quyết chế độ mai táng phí', code: null }],
  },
  {
    unit: 'phuoc-long-phong-tai-chinh-ke-hoach',
    model: PL,
    from: PL_FROM,
    note: 'Theo Công văn số 166/TCKH ngày 27/6/2023',
    procedures: [{ name: 'Đăng ký thành lập hộ kinh doanh', code: '1.001612' }],
  },
  {
    unit: 'phuoc-long-phong-quan-ly-do-thi',
    model: PL,
    from: PL_FROM,
    note: 'Theo Công văn số 93/QLĐT ngày 26/6/2023',
    procedures: [
      { name: 'Thủ tục gia hạn giấy phép xây dựng', code: '1.013227' },
      { name: 'Cấp lại giấy phép xây dựng', code: '1.013228' },
    ],
  },
  {
    unit: 'phuoc-long-phong-tu-phap',
    model: PL,
    from: PL_FROM,
    note: 'Theo Báo cáo số 78/BC-TP ngày 26/6/2023',
    // A whole field, not a list of procedures.
    procedures: [{ name: 'Lĩnh vực hộ tịch (cả lĩnh vực)', code: null }],
  },
  { unit: 'phuoc-long-van-phong-hdnd-ubnd', model: PL, from: PL_FROM, note: 'Theo Công văn số 51/VP ngày 04/7/2023' },
  {
    unit: 'phuoc-long-phong-noi-vu',
    model: PL,
    from: PL_FROM,
    procedures: [{ name: 'Thủ tục Tặng giấy khen của Chủ tịch UBND cấp huyện về thành tích đột xuất', code: null }],
  },
  {
    unit: 'phuoc-long-phong-giao-duc-dao-tao',
    model: 'pl-bon-tai-cho',
    from: PL_FROM,
    note: 'Chọn mô hình "Bốn tại chỗ": tiếp nhận, thẩm định, phê duyệt, trả kết quả',
    procedures: [
      { name: 'Chuyển trường đối với học sinh Trung học cơ sở', code: null },
      { name: 'Chuyển trường đối với học sinh Tiểu học', code: null },
    ],
  },
  {
    unit: 'phuoc-long-phuong-long-thuy',
    model: PL,
    from: PL_FROM,
    note: 'Mô hình "Nâng cao chất lượng phục vụ nhân dân tại bộ phận một cửa" (theo Công văn số 88/CV-UBND ngày 27/6/2023)',
    procedures: [
      { name: 'Chứng thực sao y bản chính', code: '2.000815' },
      { name: 'Chứng thực hợp đồng giao dịch', code: '2.001035' },
      { name: 'Chứng thực chữ ký', code: '2.000884' },
    ],
  },
  {
    unit: 'phuoc-long-phuong-thac-mo',
    model: PL,
    from: PL_FROM,
    note: 'Mô hình "Chính quyền thân thiện trong giải quyết TTHC" (theo Báo cáo số 104/BC-UBND ngày 27/6/2023)',
    procedures: [
      { name: 'Đăng ký khai sinh', code: '1.001193' },
      { name: 'Đăng ký khai tử', code: '1.000656' },
      { name: 'Đăng ký kết hôn', code: '1.000894' },
      { name: 'Xác nhận tình trạng hôn nhân', code: '1.004873' },
      { name: 'Chứng thực sao y bản chính', code: '2.000815' },
    ],
  },
  {
    unit: 'phuoc-long-phuong-son-giang',
    model: PL,
    from: PL_FROM,
    note: 'Mô hình "5 biết và 3 thể hiện" (theo Báo cáo số 125/BC-UBND ngày 26/6/2023)',
    procedures: [
      { name: 'Đăng ký khai tử', code: '1.000656' },
      { name: 'Đăng ký kết hôn', code: '1.000894' },
    ],
  },
  {
    unit: 'phuoc-long-phuong-long-phuoc',
    model: PL,
    from: PL_FROM,
    note: 'Theo Báo cáo số 98/BC-UBND ngày 27/6/2023',
    procedures: [
      { name: 'Chứng thực chữ ký', code: '2.000884' },
      { name: 'Chứng thực bản sao từ bản chính', code: '2.000815' },
      { name: 'Đăng ký kết hôn', code: '1.000894' },
      { name: 'Đăng ký khai tử', code: '1.000656' },
      { name: 'Cấp bản sao trích lục hộ tịch', code: '2.000635' },
    ],
  },
  {
    unit: 'phuoc-long-phuong-phuoc-binh',
    model: PL,
    from: PL_FROM,
    note: 'Theo Báo cáo số 128/BC-UBND ngày 23/6/2023',
    procedures: [
      { name: 'Đăng ký kết hôn', code: '1.000894' },
      { name: 'Đăng ký khai tử', code: '1.000656' },
      { name: 'Chứng thực chữ ký', code: '2.000884' },
      { name: 'Chứng thực bản sao từ bản chính', code: '2.000815' },
    ],
  },
  {
    unit: 'phuoc-long-xa-long-giang',
    model: PL,
    from: PL_FROM,
    note: 'Mô hình "Chính quyền thân thiện 3 biết, 3 không" (theo Báo cáo số 119/BC-UBND ngày 22/6/2023)',
    procedures: [{ name: 'Cấp giấy xác nhận tình trạng hôn nhân', code: '1.004873' }],
  },
  {
    unit: 'phuoc-long-xa-phuoc-tin',
    model: PL,
    from: PL_FROM,
    note: 'Theo Báo cáo số 86/BC-UBND ngày 27/6/2023',
    procedures: [
      { name: 'Xác nhận tình trạng hôn nhân', code: '1.004873' },
      { name: 'Cấp bản sao trích lục hộ tịch', code: '2.000635' },
    ],
  },
];
// Seed 004 appendix 1: Thanh tra thị xã, Phòng Văn hóa và Thông tin and Phòng Kinh tế registered no model.

export const demoRegistrations: DemoRegistration[] = build();
