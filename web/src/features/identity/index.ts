/** Public API of the identity feature: what the app layer may compose. */
export { useMe } from './api/get-me';
export { AcceptInvitationPage } from './components/accept-invitation-page';
export { LoginPage } from './components/login-page';
export { UserMenu } from './components/user-menu';
export { UsersPage } from './components/users-page';
export { hasPermission } from './model/permissions';
