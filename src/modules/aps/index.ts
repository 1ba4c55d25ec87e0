// Public surface of the aps module (máy APS tự phục vụ: self-service filing, tracking and rating at a kiosk): the only
// file other modules may import.
export { APS_NOTE } from './commands/file-at-kiosk.ts';
export { registerApsPages } from './pages.tsx';
