import type { Schemas } from '@/lib/api/types';

/** Fictional people and organisations for tests; never real ones. */
export const exporterOrg = {
  id: '0f8e7c1a-0000-4000-8000-000000000001',
  name: 'Vibotaj Nigeria Ltd',
  type: 'exporter',
} satisfies Schemas['OrganizationRef'];

export const adminMe: Schemas['Me'] = {
  id: '11111111-0000-4000-8000-000000000001',
  email: 'ada.admin@vibotaj.example',
  fullName: 'Ada Admin',
  role: 'admin',
  organization: exporterOrg,
  permissions: ['users:manage', 'shipments:read', 'shipments:write', 'documents:upload', 'settings:manage'],
  memberships: [
    {
      organizationId: exporterOrg.id,
      organizationName: exporterOrg.name,
      organizationType: exporterOrg.type,
      role: 'admin',
      primary: true,
    },
  ],
};

export const viewerMe: Schemas['Me'] = {
  ...adminMe,
  id: '11111111-0000-4000-8000-000000000002',
  email: 'victor.viewer@vibotaj.example',
  fullName: 'Victor Viewer',
  role: 'viewer',
  permissions: ['shipments:read'],
  memberships: [{ ...adminMe.memberships[0]!, role: 'viewer' }],
};

export const users: Schemas['UserView'][] = [
  {
    id: adminMe.id,
    email: adminMe.email,
    fullName: adminMe.fullName,
    role: 'admin',
    status: 'active',
    createdAt: '2026-01-05T09:00:00Z',
    lastLoginAt: '2026-11-28T08:15:00Z',
  },
  {
    id: '11111111-0000-4000-8000-000000000003',
    email: 'lola.logistics@vibotaj.example',
    fullName: 'Lola Logistics',
    role: 'logistics',
    status: 'active',
    createdAt: '2026-02-10T09:00:00Z',
    lastLoginAt: null,
  },
  {
    id: '11111111-0000-4000-8000-000000000004',
    email: 'chidi.compliance@vibotaj.example',
    fullName: 'Chidi Compliance',
    role: 'compliance',
    status: 'deactivated',
    createdAt: '2026-03-01T09:00:00Z',
    lastLoginAt: '2026-06-01T12:00:00Z',
  },
];

export const invitations: Schemas['InvitationView'][] = [
  {
    id: '22222222-0000-4000-8000-000000000001',
    email: 'bea.buyer@hamburg-cocoa.example',
    role: 'buyer',
    status: 'pending',
    expiresAt: '2026-12-05T10:00:00Z',
    createdAt: '2026-11-28T10:00:00Z',
    invitedByName: 'Ada Admin',
  },
];

export function page<T>(items: T[]) {
  return { items, page: 0, size: 50, totalItems: items.length, totalPages: items.length === 0 ? 0 : 1 };
}

/** A compliance officer of the exporter: reviews documents and overrides findings. */
export const reviewerMe: Schemas['Me'] = {
  ...adminMe,
  id: '11111111-0000-4000-8000-000000000004',
  email: 'chidi.compliance@vibotaj.example',
  fullName: 'Chidi Compliance',
  role: 'compliance',
  permissions: ['shipments:read', 'documents:upload', 'documents:review', 'compliance:override', 'eudr:manage'],
  memberships: [{ ...adminMe.memberships[0]!, role: 'compliance' }],
};

/** A buyer in the EU: reads shipments, records DDS references; reviews nothing. */
export const buyerMe: Schemas['Me'] = {
  ...adminMe,
  id: '11111111-0000-4000-8000-000000000005',
  email: 'bea.buyer@hamburg-cocoa.example',
  fullName: 'Bea Buyer',
  role: 'buyer',
  organization: { id: '0f8e7c1a-0000-4000-8000-000000000002', name: 'Hamburg Cocoa GmbH', type: 'buyer' },
  permissions: ['shipments:read', 'audit-pack:download', 'eudr:dds-record'],
  memberships: [
    {
      organizationId: '0f8e7c1a-0000-4000-8000-000000000002',
      organizationName: 'Hamburg Cocoa GmbH',
      organizationType: 'buyer',
      role: 'buyer',
      primary: true,
    },
  ],
};
