/** Public API of the settings feature: what the app layer may compose. */
export { OrganizationSettingsPage } from './components/organization-settings-page';
