export { registerAuditApi } from './api.ts';
export { registerAuditPages } from './pages.tsx';
