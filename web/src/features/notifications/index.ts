/** Public API of the notifications feature: what the app layer may compose. */
export { NotificationBell } from './components/notification-bell';
export { NotificationPreferencesPage } from './components/notification-preferences-page';
export { NotificationsPage } from './components/notifications-page';
