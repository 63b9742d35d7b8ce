import type { Schemas } from '@/lib/api/types';

import { adminMe } from './fixtures';

/** Audit log entries as GET /api/audit-log answers them (fictional people and objects). */
export const auditEntries: Schemas['AuditLogEntry'][] = [
  {
    id: 'a0000000-0000-4000-8000-000000000001',
    occurredAt: '2026-11-20T09:15:00Z',
    actorUserId: adminMe.id,
    actorEmail: adminMe.email,
    actorKind: 'user',
    action: 'PUT /api/organization/settings',
    objectType: 'organization',
    result: 200,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
    requestId: 'req-settings-1',
  },
  {
    id: 'a0000000-0000-4000-8000-000000000002',
    occurredAt: '2026-11-20T09:10:00Z',
    actorUserId: '11111111-0000-4000-8000-000000000009',
    actorEmail: 'lou.logistics@vibotaj.example',
    actorKind: 'user',
    action: 'POST /api/shipments/{id}/status',
    objectType: 'shipment',
    objectId: '5b3c0000-0000-4000-8000-000000000001',
    result: 403,
    ip: '203.0.113.8',
    requestId: 'req-status-1',
  },
  {
    id: 'a0000000-0000-4000-8000-000000000003',
    occurredAt: '2026-11-20T08:00:00Z',
    actorKind: 'system',
    action: 'SYSTEM shipment.status-changed',
    objectType: 'shipment',
    objectId: '5b3c0000-0000-4000-8000-000000000001',
    result: 0,
    detail: 'VBT-2026-001: in_transit → arrived (tracking)',
  },
];

export function auditPage(
  items: Schemas['AuditLogEntry'][] = auditEntries,
  overrides: Partial<Schemas['AuditLogPage']> = {},
): Schemas['AuditLogPage'] {
  return { items, page: 0, size: 50, totalItems: items.length, totalCapped: false, totalPages: 1, ...overrides };
}
