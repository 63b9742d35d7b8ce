import { formatRelative } from '@/lib/format';

/** "arrives in 5 days" before the ETA, "arrived 2 days ago" once there is an ATA (or the ETA has passed). */
export function etaCountdown(eta: string | null | undefined, ata: string | null | undefined, now = new Date()): string | null {
  if (ata) return `arrived ${formatRelative(ata, now)}`;
  if (!eta) return null;
  const relative = formatRelative(eta, now);
  return new Date(eta).getTime() >= now.getTime() ? `arrives ${relative}` : `was due ${relative}`;
}
