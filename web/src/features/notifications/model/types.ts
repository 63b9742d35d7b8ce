import type { Schemas } from '@/lib/api/types';

export type NotificationView = Schemas['NotificationView'];
export type NotificationPage = Schemas['NotificationPage'];
export type NotificationKind = Schemas['NotificationKind'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type KindPreference = Schemas['KindPreference'];

/** What each event kind is called in the preferences table. */
export const kindLabels: Record<NotificationKind, string> = {
  'document.uploaded': 'Document uploaded',
  'document.approved': 'Document approved',
  'document.rejected': 'Document rejected',
  'compliance.changed': 'Compliance result changed',
  'shipment.eta-changed': 'ETA changed',
  'shipment.departed': 'Shipment departed',
  'shipment.arrived': 'Shipment arrived',
  'shipment.customs-hold': 'Customs hold',
  'shipment.delivered': 'Shipment delivered',
  'certificate.expiring': 'Certificate expiring',
  'invitation.created': 'Invitation sent',
  'invitation.accepted': 'Invitation accepted',
};
