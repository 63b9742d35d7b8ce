/** Public API of the audit feature: what the app layer may compose. */
export { AuditLogPage } from './components/audit-log-page';
