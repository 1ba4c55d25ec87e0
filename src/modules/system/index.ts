export { registerSystemRoutes } from './api.ts';
