// Public surface of the dashboards module: the leader's and the province's dashboard (bảng điều khiển) with charts
// drawn on the server and their numbers beside them.
export { registerDashboardRoutes } from './routes.tsx';
