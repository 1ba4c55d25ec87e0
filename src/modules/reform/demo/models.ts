/**
 * The reform models of the seed plans (/work/shared/seeds, MODELS.md), as demo data for the registry. Names, purposes
 * and agencies are taken from the plans' text (seed 001 is OCR without diacritics: its wording is restored from seed
 * 000, which repeats the province models with diacritics). Codes are ours.
 */
import type { ModelValues } from '../rules/models.ts';

export interface DemoModel extends ModelValues {
  /** Code of the issuing unit in src/modules/units/demo/units.json. */
  issuer: string;
}

const DT_SOURCE = 'Quyết định số 1390/QĐ-UBND-HC ngày 11/9/2021 của Chủ tịch UBND tỉnh Đồng Tháp';
const DT_START = '2021-09-11';
const DT_END = '2026-12-31';
const DT_LEAD = 'Các sở, cơ quan ngang sở; UBND cấp huyện, cấp xã';
const VP_TINH = 'Văn phòng UBND Tỉnh';

const province = (m: Omit<DemoModel, 'origin' | 'issuer' | 'source' | 'mandatory' | 'choicePool' | 'startsOn' | 'endsOn'>): DemoModel => ({
  ...m,
  origin: 'province',
  issuer: 'dong-thap',
  source: DT_SOURCE,
  mandatory: true,
  choicePool: false,
  startsOn: DT_START,
  endsOn: DT_END,
});

/** Seed 001 (Đồng Tháp, Decision 1390/QĐ-UBND-HC, section II items 1–9): the province's nine models, 2021–2026. */
export const provinceModels: DemoModel[] = [
  province({
    code: 'dt-ca-phe-doanh-nhan',
    name: 'Cà phê Doanh nhân - Doanh nghiệp',
    purpose:
      'Kịp thời tháo gỡ những vướng mắc, khó khăn mà các doanh nghiệp gặp phải; lắng nghe, trao đổi, thảo luận về các ý tưởng mới và các ý kiến đóng góp từ cộng đồng doanh nghiệp; tạo dựng niềm tin, động lực giúp doanh nhân và nhà đầu tư an tâm sản xuất, kinh doanh.',
    leadAgency: 'Lãnh đạo UBND Tỉnh, các sở, ban, ngành tỉnh, UBND cấp huyện',
    monitoringAgency: VP_TINH,
    sameDay: false,
    catalogueCode: 'M10',
  }),
  province({
    code: 'dt-dong-hanh-cung-nhan-dan',
    name: 'Chính quyền đồng hành cùng Nhân dân',
    purpose:
      'Lắng nghe và giải quyết kịp thời những vấn đề bức xúc của người dân theo chức năng, thẩm quyền; thông tin, tuyên truyền chủ trương, chính sách, pháp luật của Nhà nước; góp phần củng cố lòng tin, tạo sự gắn bó mật thiết giữa Đảng, chính quyền và Nhân dân.',
    leadAgency: 'Các sở, cơ quan ngang sở, Đài Phát thanh - Truyền hình Đồng Tháp; UBND cấp huyện, cấp xã',
    monitoringAgency: 'Sở Nội vụ',
    sameDay: false,
    catalogueCode: 'M9',
  }),
  province({
    code: 'dt-thu-chuc-mung-chia-buon-xin-loi',
    name: 'Gửi "Thư chúc mừng", "Thư chia buồn", "Thư xin lỗi" với người dân, doanh nghiệp',
    purpose: 'Thể hiện sự quan tâm, chia sẻ và tạo mối quan hệ gần gũi, gắn kết giữa chính quyền với người dân.',
    leadAgency: 'UBND cấp xã và các cơ quan hành chính khác',
    monitoringAgency: 'Sở Nội vụ',
    sameDay: false,
    catalogueCode: 'M11',
  }),
  province({
    code: 'dt-hen-gio-tai-nha',
    name: 'Hẹn giờ thực hiện thủ tục hành chính tại nhà người dân',
    purpose:
      'Thể hiện tính phục vụ của các cơ quan hành chính nhà nước; đồng thời, giúp tiết kiệm thời gian, chi phí đi lại và mang đến sự hài lòng của người dân, doanh nghiệp.',
    leadAgency: DT_LEAD,
    monitoringAgency: VP_TINH,
    sameDay: false,
    catalogueCode: 'M6',
  }),
  province({
    code: 'dt-chuyen-giao-dich-vu-cong',
    name: 'Đề án chuyển giao nhiệm vụ, dịch vụ hành chính công',
    purpose:
      'Giúp các cơ quan hành chính nhà nước giảm tải công việc, giảm chi phí đầu tư cơ sở vật chất, góp phần đẩy mạnh cải cách TTHC, mang lại lợi ích và tạo điều kiện thuận lợi cho người dân, tổ chức trong quá trình thực hiện các TTHC tại cơ quan hành chính nhà nước.',
    leadAgency: DT_LEAD,
    monitoringAgency: VP_TINH,
    sameDay: false,
    catalogueCode: 'M7',
  }),
  province({
    code: 'dt-tong-dai-1022',
    name: 'Tổng đài thông tin Dịch vụ công 1022',
    purpose:
      'Bảo đảm việc tiếp nhận, xử lý, phản hồi ý kiến, phản ánh, kiến nghị của cá nhân, tổ chức được kịp thời, chuyên nghiệp, hiệu quả, bảo đảm công khai, minh bạch, góp phần xây dựng chính quyền thân thiện, phục vụ người dân, doanh nghiệp ngày càng tốt hơn.',
    leadAgency: 'Các sở, cơ quan ngang sở và các cơ quan, đơn vị có liên quan, UBND cấp huyện, cấp xã',
    monitoringAgency: VP_TINH,
    sameDay: false,
    catalogueCode: 'M8',
  }),
  province({
    code: 'dt-dvc-truc-tuyen-buu-chinh',
    name: 'Kết hợp dịch vụ công trực tuyến và dịch vụ bưu chính công ích trong giải quyết TTHC',
    purpose:
      'Giúp cá nhân, tổ chức không cần phải đến trực tiếp Bộ phận Một cửa để nộp hồ sơ giấy, các khoản phí, lệ phí hoặc đối chiếu bản chính (nếu có) hoặc nhận kết quả theo quy định về thực hiện dịch vụ công trực tuyến.',
    leadAgency: DT_LEAD,
    monitoringAgency: VP_TINH,
    sameDay: false,
    catalogueCode: 'M7',
  }),
  province({
    code: 'dt-cong-dan-khong-viet',
    name: 'Công dân không viết gắn với dịch vụ công trực tuyến trong giải quyết TTHC',
    purpose:
      'Tạo điều kiện thuận lợi trong việc kê khai, nộp hồ sơ, giúp hạn chế sai sót và mất thời gian của người dân, doanh nghiệp; đồng thời, nâng cao chất lượng phục vụ của công chức, viên chức, nhân viên tại Bộ phận Một cửa các cấp trong quá trình giải quyết TTHC.',
    leadAgency: DT_LEAD,
    monitoringAgency: VP_TINH,
    sameDay: false,
    catalogueCode: 'M4',
  }),
  province({
    code: 'dt-mang-xa-hoi',
    name: 'Thiết lập tính năng hữu ích của mạng xã hội vào công tác quản lý nhà nước',
    purpose:
      'Kịp thời tiếp nhận và xử lý những phản ánh, kiến nghị của các cá nhân, tổ chức; tận dụng những ưu điểm của mạng xã hội (tính tương tác, kết nối, lan tỏa nhanh...) phục vụ công tác quản lý hành chính nhà nước; nắm bắt, xử lý nhanh các điểm "nóng" mới phát sinh, định hướng dư luận.',
    leadAgency: DT_LEAD,
    monitoringAgency: 'Sở Thông tin và Truyền thông',
    sameDay: false,
    catalogueCode: 'M8',
  }),
];

const CL_SOURCE = 'Kế hoạch kèm Quyết định của UBND thành phố Cao Lãnh ngày 31/10/2023 (rà soát, bổ sung năm 2023)';
const CL_START = '2023-10-31';
const CL_MONITOR = 'Phòng Nội vụ Thành phố';

const city = (m: Omit<DemoModel, 'origin' | 'issuer' | 'source' | 'startsOn' | 'endsOn' | 'monitoringAgency'>): DemoModel => ({
  ...m,
  origin: 'city',
  issuer: 'cao-lanh',
  source: CL_SOURCE,
  monitoringAgency: CL_MONITOR,
  startsOn: CL_START,
  endsOn: DT_END,
});

/**
 * Seed 000 (Cao Lãnh city, 2023 revision, section III items 1–8): the models born in the city's units and replicated
 * across its 15 communes and wards. The two marked in footnote 1 are mandatory ("Hệ thống niêm yết TTHC điện tử",
 * "Phát triển không dùng tiền mặt"); each commune or ward picks at least one of the other six.
 */
export const cityModels: DemoModel[] = [
  city({
    code: 'cl-ngay-truc-tuyen-khong-hen',
    name: 'Ngày trực tuyến và không hẹn giải quyết TTHC',
    purpose:
      'Không hẹn giải quyết TTHC đối với các TTHC chỉ do một cơ quan có thẩm quyền giải quyết và có thời gian giải quyết dưới 03 ngày làm việc; hỗ trợ, hướng dẫn tổ chức, cá nhân sử dụng dịch vụ công trực tuyến vào tất cả các ngày trong tuần.',
    leadAgency: 'Các phòng, ban, ngành Thành phố có TTHC và UBND các xã, phường',
    mandatory: false,
    choicePool: true,
    sameDay: true,
    catalogueCode: 'M2',
  }),
  city({
    code: 'cl-doan-vien-hoi-vien-ho-tro',
    name: 'Đoàn viên, hội viên các tổ chức chính trị - xã hội hỗ trợ giải quyết TTHC; giải quyết TTHC kết hợp hướng dẫn Nhân dân sử dụng dịch vụ công trực tuyến tại nhà',
    purpose:
      'UBND các xã, phường phối hợp với UBMTTQVN và các tổ chức chính trị - xã hội cùng cấp tiếp nhận và trả kết quả TTHC tại nhà kết hợp với hướng dẫn, hỗ trợ Nhân dân sử dụng dịch vụ công trực tuyến.',
    leadAgency: 'UBND các xã, phường',
    mandatory: false,
    choicePool: true,
    sameDay: false,
    catalogueCode: 'M5',
  }),
  city({
    code: 'cl-cong-an-huong-ve-co-so',
    name: 'Công an thành phố Cao Lãnh hướng về cơ sở trong giải quyết TTHC',
    purpose:
      'Đưa các TTHC thuộc lĩnh vực do Công an quản lý vào tiếp nhận, giải quyết và trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả Thành phố và xã, phường.',
    leadAgency: 'Công an Thành phố, Văn phòng HĐND và UBND Thành phố, UBND các xã, phường',
    mandatory: false,
    choicePool: true,
    sameDay: false,
    catalogueCode: 'M14',
  }),
  city({
    code: 'cl-to-khai-qr-vneid',
    name: 'Điện tử tờ khai TTHC bằng mã QR căn cước công dân hoặc tài khoản định danh điện tử VNeID mức độ 2',
    purpose:
      'Người dân không cần ghi tờ khai thủ công: quét mã QR trên căn cước công dân hoặc tài khoản VNeID mức 2 để dữ liệu tự điền vào tờ khai, biểu mẫu các TTHC lĩnh vực hộ tịch – chứng thực.',
    leadAgency: 'Cấp Thành phố: Phòng Tư pháp phối hợp Văn phòng HĐND và UBND Thành phố; cấp xã: UBND các xã, phường',
    mandatory: false,
    choicePool: true,
    sameDay: false,
    catalogueCode: 'M4',
  }),
  city({
    code: 'cl-khong-dung-tien-mat',
    name: 'Phát triển không dùng tiền mặt, thanh toán trực tuyến phí, lệ phí các thủ tục hành chính trên địa bàn Thành phố',
    purpose:
      'Lắp đặt mã QR ở tất cả các quầy thu phí, lệ phí tại Bộ phận Một cửa Thành phố và 15/15 xã, phường; hướng dẫn công dân thanh toán trực tuyến, không dùng tiền mặt phí, lệ phí tất cả các TTHC có phát sinh phí, lệ phí.',
    leadAgency: 'Văn phòng HĐND và UBND Thành phố; UBND các xã, phường',
    mandatory: true,
    choicePool: false,
    sameDay: false,
    catalogueCode: 'M12',
  }),
  city({
    code: 'cl-ho-so-khong-hen-qr',
    name: 'Hồ sơ không hẹn - Ứng dụng mã QR Code tra cứu nhanh hồ sơ mẫu',
    purpose:
      'Ưu tiên các TTHC có số lượng giao dịch nhiều trong ngày và có kết quả là thành phần hồ sơ của TTHC khác để giải quyết không hẹn, người dân nhận kết quả ngay.',
    leadAgency: 'Cấp Thành phố: Văn phòng HĐND và UBND Thành phố phối hợp các phòng, ban, ngành; cấp xã: UBND các xã, phường',
    mandatory: false,
    choicePool: true,
    sameDay: true,
    catalogueCode: 'M2',
  }),
  city({
    code: 'cl-phieu-huong-dan-qr',
    name: 'Phiếu hướng dẫn bằng ứng dụng mã QR Code',
    purpose: 'Mỗi lĩnh vực TTHC có 01 phiếu hướng dẫn với mã QR; người dân quét mã để xem thủ tục và chuẩn bị thành phần hồ sơ cần thiết.',
    leadAgency: 'Cấp Thành phố: Văn phòng HĐND và UBND Thành phố phối hợp các phòng, ban, ngành; cấp xã: UBND các xã, phường',
    mandatory: false,
    choicePool: true,
    sameDay: false,
    catalogueCode: 'M3',
  }),
  city({
    code: 'cl-niem-yet-dien-tu',
    name: 'Hệ thống niêm yết thủ tục hành chính điện tử',
    purpose:
      'Bộ phận Một cửa Thành phố và xã, phường được trang bị 01 màn hình cảm ứng kết nối phần mềm quản lý niêm yết TTHC, niêm yết bằng phương thức điện tử thay cho niêm yết bằng giấy.',
    leadAgency: 'Cấp Thành phố: Văn phòng HĐND và UBND Thành phố phối hợp các phòng, ban, ngành; cấp xã: UBND các xã, phường',
    mandatory: true,
    choicePool: false,
    sameDay: false,
    catalogueCode: 'M3',
  }),
];

const SD_SOURCE = 'Công văn của UBND thành phố Sa Đéc tháng 11/2023 về triển khai và nhân rộng mô hình, sáng kiến hay trong CCHC năm 2023';
const sadec = (m: Omit<DemoModel, 'origin' | 'issuer' | 'source' | 'startsOn' | 'endsOn' | 'mandatory' | 'choicePool' | 'monitoringAgency'>): DemoModel => ({
  ...m,
  origin: 'local',
  issuer: 'sa-dec',
  source: SD_SOURCE,
  monitoringAgency: 'Phòng Nội vụ Thành phố',
  mandatory: false,
  choicePool: false,
  startsOn: '2023-11-01',
  endsOn: null,
});

/** Seed 003 (Sa Đéc city, November 2023): five models of its wards, sent to the city's units to study and replicate. */
export const saDecModels: DemoModel[] = [
  sadec({
    code: 'sd-may-aps',
    name: 'Máy nhận - trả hồ sơ dịch vụ công trực tuyến tự động (Máy APS)',
    purpose:
      'Ứng dụng công nghệ thông tin: người dân tự kê khai, ký số, nộp hồ sơ, theo dõi, nhận kết quả và thanh toán ngay trên máy; tăng số hồ sơ tiếp nhận và giải quyết trong ngày.',
    leadAgency: 'Các ban, ngành Thành phố và UBND các xã, phường',
    sameDay: false,
    catalogueCode: 'M5',
  }),
  sadec({
    code: 'sd-doi-ho-tro-dvc-mien-phi',
    name: 'Đội hỗ trợ dịch vụ công miễn phí',
    purpose:
      'Trực tại Bộ phận Tiếp nhận và Trả kết quả, qua đường dây nóng, mạng xã hội và tận nhà người yếu thế: hỗ trợ tạo tài khoản VNeID, kê khai, nộp hồ sơ và thanh toán trực tuyến phí, lệ phí.',
    leadAgency: 'Các ban, ngành Thành phố và UBND các xã, phường',
    sameDay: false,
    catalogueCode: 'M5',
  }),
  sadec({
    code: 'sd-ngay-khong-cho',
    name: 'Ngày không chờ giải quyết thủ tục hành chính cho Nhân dân',
    purpose:
      'Vào thứ Ba và thứ Sáu, hồ sơ đầy đủ của các thủ tục có thời hạn 03, 05 hoặc 07 ngày được chuyển công chức chuyên môn giải quyết ngay tại chỗ, không hẹn trả kết quả.',
    leadAgency: 'UBND các xã, phường',
    sameDay: true,
    catalogueCode: 'M2',
  }),
  sadec({
    code: 'sd-thu-nam-khong-hen',
    name: 'Ngày thứ năm không hẹn',
    purpose:
      'Vào thứ Năm hằng tuần, hồ sơ nộp trực tuyến hoặc trực tiếp tại Bộ phận Một cửa của xã và công an xã được tiếp nhận, xử lý và trả kết quả ngay thay vì hẹn từ 01 đến 05 ngày làm việc.',
    leadAgency: 'UBND các xã, phường; Công an xã',
    sameDay: true,
    catalogueCode: 'M2',
  }),
  sadec({
    code: 'sd-cham-de-biet',
    name: 'Chạm để biết',
    purpose:
      'Tuyên truyền và tương tác với người dân: giải đáp thắc mắc, tư vấn, hỏi đáp, phản ánh, kiến nghị về thủ tục hành chính và các lĩnh vực có liên quan.',
    leadAgency: 'Các ban, ngành Thành phố và UBND các xã, phường',
    sameDay: false,
    catalogueCode: 'M3',
  }),
];

const PL_SOURCE = 'Kế hoạch số 190/KH-UBND ngày 08/8/2023 của UBND thị xã Phước Long';

/**
 * Seed 004 (Phước Long town, Bình Phước, plan 190/KH-UBND of 8 August 2023): the "friendly government" model for the
 * whole town (4 xin, 4 luôn, 5 không; same-day settling of registered procedures, "thứ 6 không hẹn qua tuần"), and
 * "Bốn tại chỗ" chosen by the education office (appendix 1, row 10).
 */
export const phuocLongModels: DemoModel[] = [
  {
    code: 'pl-chinh-quyen-than-thien',
    name: 'Chính quyền thân thiện (4 xin, 4 luôn, 5 không; giải quyết TTHC trong ngày, thứ 6 không hẹn qua tuần)',
    purpose:
      'Phục vụ nhân dân với tinh thần "Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân"; thủ tục hành chính đã đăng ký, khi đủ hồ sơ, được giải quyết và trả kết quả trong ngày, đặc biệt ngày thứ 6 không hẹn qua tuần; mục tiêu 100% thủ tục đã đăng ký giải quyết trong ngày.',
    leadAgency: 'Các phòng, ban chuyên môn thuộc UBND thị xã; UBND các xã, phường',
    monitoringAgency: 'Phòng Nội vụ thị xã',
    origin: 'local',
    issuer: 'phuoc-long',
    source: PL_SOURCE,
    mandatory: true,
    choicePool: false,
    sameDay: true,
    catalogueCode: 'M2',
    startsOn: '2023-08-01',
    endsOn: '2025-12-31',
  },
  {
    code: 'pl-bon-tai-cho',
    name: 'Bốn tại chỗ (tiếp nhận, thẩm định, phê duyệt, trả kết quả tại chỗ)',
    purpose: 'Tiếp nhận, thẩm định, phê duyệt và trả kết quả ngay tại chỗ các thủ tục đã đăng ký.',
    leadAgency: 'Phòng Giáo dục và Đào tạo thị xã',
    monitoringAgency: 'Phòng Nội vụ thị xã',
    origin: 'local',
    issuer: 'phuoc-long',
    source: `${PL_SOURCE}, Phụ lục 1 (dòng 10)`,
    mandatory: false,
    choicePool: false,
    sameDay: true,
    catalogueCode: 'M2',
    startsOn: '2023-08-01',
    endsOn: null,
  },
];

export const demoModels: DemoModel[] = [...provinceModels, ...cityModels, ...saDecModels, ...phuocLongModels];
