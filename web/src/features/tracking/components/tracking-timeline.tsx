import { Badge } from '@/components/ui';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';

import type { TrackingEvent } from '../api/types';
import { eventLabel, isEstimated, sortEvents } from '../model/timeline';

export interface TrackingTimelineProps {
  events: readonly TrackingEvent[];
  /** DCSA code → description. */
  descriptions: ReadonlyMap<string, string>;
}

function place(event: TrackingEvent): string | null {
  if (event.locationName && event.unlocode) return `${event.locationName} (${event.unlocode})`;
  return event.locationName ?? event.unlocode ?? null;
}

/** Events oldest first: actual ones as solid dots, estimated/planned as hollow ones, retracted struck through. */
export function TrackingTimeline({ events, descriptions }: TrackingTimelineProps) {
  if (events.length === 0) return <p className="text-sm text-slate-700">No tracking events yet.</p>;
  return (
    <ol aria-label="Tracking events" className="relative space-y-4 border-l-2 border-slate-200 pl-6">
      {sortEvents(events).map((event) => {
        const estimated = isEstimated(event);
        const label = eventLabel(event, descriptions);
        const vessel = [event.vesselName, event.voyage].filter(Boolean).join(' / ');
        const body = (
          <>
            <p className="font-medium text-slate-900">{label}</p>
            <p className="text-slate-700">
              <time dateTime={event.eventTime}>{formatDateTime(event.eventTime)}</time>
              {place(event) && ` · ${place(event)}`}
            </p>
            <p className="text-xs text-slate-600">
              <span className="font-mono">{event.containerNumber}</span>
              {vessel && ` · ${vessel}`} · {event.provider}
            </p>
          </>
        );
        return (
          <li
            key={event.id}
            data-classifier={event.classifier}
            className={cn('relative text-sm', estimated && 'text-slate-700')}
          >
            <span
              aria-hidden="true"
              className={cn(
                'absolute top-1 -left-[33px] size-4 rounded-full border-2',
                estimated ? 'border-slate-500 bg-white' : 'border-emerald-700 bg-emerald-700',
              )}
            />
            <div className="mb-1 flex flex-wrap gap-1">
              {estimated && <Badge tone="blue">{event.classifier === 'PLN' ? 'planned, estimated' : 'estimated'}</Badge>}
              {event.derived && <Badge tone="grey">derived</Badge>}
              {event.retracted && <Badge tone="red">retracted</Badge>}
            </div>
            {event.retracted ? <del className="block text-slate-500">{body}</del> : body}
          </li>
        );
      })}
    </ol>
  );
}
