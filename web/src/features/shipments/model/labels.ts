import type { Schemas } from '@/lib/api/types';

export type ShipmentStatus = Schemas['ShipmentStatus'];

export const statusLabels: Record<ShipmentStatus, string> = {
  draft: 'Draft',
  docs_pending: 'Documents pending',
  docs_complete: 'Documents complete',
  in_transit: 'In transit',
  arrived: 'Arrived',
  customs: 'In customs',
  delivered: 'Delivered',
  archived: 'Archived',
};

export const statuses = Object.keys(statusLabels) as ShipmentStatus[];

export function isShipmentStatus(value: string): value is ShipmentStatus {
  return value in statusLabels;
}

export const statusTones: Record<ShipmentStatus, 'green' | 'grey' | 'amber' | 'red' | 'blue'> = {
  draft: 'grey',
  docs_pending: 'amber',
  docs_complete: 'blue',
  in_transit: 'blue',
  arrived: 'green',
  customs: 'amber',
  delivered: 'green',
  archived: 'grey',
};

/** Verb on the button that moves a shipment to the status. */
export const transitionLabels: Record<ShipmentStatus, string> = {
  draft: 'Back to draft',
  docs_pending: 'Mark documents pending',
  docs_complete: 'Mark documents complete',
  in_transit: 'Mark in transit',
  arrived: 'Mark arrived',
  customs: 'Mark in customs',
  delivered: 'Mark delivered',
  archived: 'Archive',
};

/** `attention` values the API sends; an unknown one is shown as it comes rather than hidden. */
const attentionLabels: Record<string, string> = {
  eta_slipped: 'ETA slipped',
  customs_hold: 'Customs hold',
  unknown_port: 'Unknown port',
};

export function attentionLabel(code: string): string {
  return attentionLabels[code] ?? code.replace(/_/g, ' ');
}
