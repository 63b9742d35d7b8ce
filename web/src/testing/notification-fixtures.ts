import type { Schemas } from '@/lib/api/types';

import { shipmentId } from './shipment-fixtures';

export const rejectedNotification: Schemas['NotificationView'] = {
  id: '7a1d3c7e-9f57-4d3b-9c1c-000000000001',
  kind: 'document.rejected',
  title: 'Phytosanitary certificate rejected for VIB-2026-001',
  body: 'The phytosanitary certificate you uploaded for shipment VIB-2026-001 was rejected: Stamp illegible',
  link: `/shipments/${shipmentId}?tab=documents`,
  shipmentId,
  createdAt: '2026-11-29T10:15:00Z',
  readAt: null,
};

export const departedNotification: Schemas['NotificationView'] = {
  id: '7a1d3c7e-9f57-4d3b-9c1c-000000000002',
  kind: 'shipment.departed',
  title: 'Shipment VIB-2026-001 has departed',
  body: 'Shipment VIB-2026-001 has departed (tracking).',
  link: `/shipments/${shipmentId}`,
  shipmentId,
  createdAt: '2026-11-28T08:00:00Z',
  readAt: '2026-11-28T09:00:00Z',
};

export function notificationPage(items: Schemas['NotificationView'][]): Schemas['NotificationPage'] {
  return {
    items,
    page: 0,
    size: 20,
    totalItems: items.length,
    totalPages: 1,
    unreadCount: items.filter((n) => !n.readAt).length,
  };
}

export const defaultPreferences: Schemas['NotificationPreferences'] = {
  digest: false,
  preferences: [
    { kind: 'document.uploaded', inApp: true, email: false },
    { kind: 'document.rejected', inApp: true, email: true },
    { kind: 'shipment.eta-changed', inApp: true, email: true },
  ],
};
