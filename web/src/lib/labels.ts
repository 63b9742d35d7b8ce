import type { InvitationStatus, OrganizationType, Role, UserStatus } from './api/types';

/** Human names of API enum values; `Record` makes the compiler flag a value added to the spec but not here. */
export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  compliance: 'Compliance',
  logistics: 'Logistics',
  buyer: 'Buyer',
  supplier: 'Supplier',
  viewer: 'Viewer',
};

export const organizationTypeLabels: Record<OrganizationType, string> = {
  exporter: 'Exporter',
  buyer: 'Buyer',
  supplier: 'Supplier',
  logistics: 'Logistics',
};

export const userStatusLabels: Record<UserStatus, string> = {
  active: 'Active',
  deactivated: 'Deactivated',
};

export const invitationStatusLabels: Record<InvitationStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};
