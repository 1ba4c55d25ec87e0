// Public surface of the kiosks module (niêm yết thủ tục hành chính điện tử, bảng LED): the only file other modules may import.
export { registerKiosksApi } from './api.ts';
export { KioskNav, registerKioskPages } from './kiosk-pages.tsx';
export { registerKioskStaffPages } from './pages.tsx';
export { findKioskProcedure, type KioskProcedureRow, listKioskProcedures } from './queries.ts';
export { fieldSlugs, type KioskTiming, timingFrom, timingQuery } from './rules/board.ts';
