import type { TrackingEvent } from '../api/types';

/** Oldest first; events at the same time keep a stable order (by id). */
export function sortEvents(events: readonly TrackingEvent[]): TrackingEvent[] {
  return [...events].sort(
    (a, b) => new Date(a.eventTime).getTime() - new Date(b.eventTime).getTime() || a.id.localeCompare(b.id),
  );
}

/** DCSA code → its description; a code we have no description for is shown raw, never guessed. */
export function eventLabel(event: TrackingEvent, descriptions: ReadonlyMap<string, string>): string {
  const known = event.dcsaCode ? descriptions.get(event.dcsaCode) : undefined;
  if (known) return known;
  return `Provider code ${event.providerCode}`;
}

export function isEstimated(event: TrackingEvent): boolean {
  return event.classifier !== 'ACT';
}
