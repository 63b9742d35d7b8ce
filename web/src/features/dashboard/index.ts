/** Public API of the dashboard feature. */
export { DashboardPage } from './components/dashboard-page';
