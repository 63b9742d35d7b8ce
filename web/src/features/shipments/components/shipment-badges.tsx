import { Badge } from '@/components/ui';

import { attentionLabel, statusLabels, statusTones, type ShipmentStatus } from '../model/labels';

export function StatusBadge({ status }: { status: ShipmentStatus }) {
  return <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
}

/** The reasons a shipment needs attention, each as a badge; nothing when there are none. */
export function AttentionBadges({ attention }: { attention: readonly string[] }) {
  if (attention.length === 0) return null;
  return (
    <ul aria-label="Needs attention" className="flex flex-wrap gap-1">
      {attention.map((code) => (
        <li key={code}>
          <Badge tone={code === 'unknown_port' ? 'amber' : 'red'}>{attentionLabel(code)}</Badge>
        </li>
      ))}
    </ul>
  );
}
