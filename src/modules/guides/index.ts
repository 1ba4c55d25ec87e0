// Public surface of the guides module (phiếu hướng dẫn thủ tục hành chính bằng mã QR): the only file other modules may import.
export { registerGuidePages } from './pages.tsx';
export { assignFieldSlugs, fieldForSlug, slugifyField } from './rules/field-slug.ts';
export { fieldPagePath, sheetPath, unitPagePath } from './rules/paths.ts';
