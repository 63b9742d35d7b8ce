import { useMemo } from 'react';

import { formatDateTime } from '@/lib/format';

import type { StopRole, TrackingRoute } from '../api/types';
import { projectRoute } from '../model/route-projection';
import { landPath } from '../model/world-land';

const size = { width: 640, height: 360 };

const roleLabels: Record<StopRole, string> = {
  loading: 'Port of loading',
  transshipment: 'Transshipment',
  discharge: 'Port of discharge',
};

const roleColours: Record<StopRole, string> = {
  loading: '#047857',
  transshipment: '#b45309',
  discharge: '#1d4ed8',
};

function isKnownRole(role: string): role is StopRole {
  return Object.hasOwn(roleLabels, role);
}

/** A role the map does not know (the spec types it as a plain string) is shown as sent, in grey. */
const roleLabel = (role: string) => (isKnownRole(role) ? roleLabels[role] : role);
const roleColour = (role: string) => (isKnownRole(role) ? roleColours[role] : '#475569');

/** Route from loading via transshipments to discharge, and the last known position, on an offline world map. */
export function RouteMap({ route }: { route: TrackingRoute }) {
  const projected = useMemo(() => projectRoute(route, size), [route]);
  const land = useMemo(() => landPath(projected.projection), [projected]);
  const description = [
    ...route.stops.map((stop) => `${roleLabel(stop.role)}: ${stop.name} (${stop.unlocode})`),
    route.lastKnown ? `Last known position: ${route.lastKnown.name ?? 'at sea'}` : 'No known position yet',
  ].join('. ');

  return (
    <figure className="space-y-2">
      <svg
        role="img"
        aria-label="Route map"
        aria-describedby="route-map-description"
        viewBox={`0 0 ${size.width} ${size.height}`}
        className="h-auto w-full overflow-hidden rounded-md border border-slate-200 bg-sky-50"
      >
        <path d={land} fill="#e2e8f0" stroke="#94a3b8" strokeWidth={0.5} data-testid="land" />
        {projected.line && (
          <path d={projected.line} fill="none" stroke="#0f172a" strokeWidth={1.5} strokeDasharray="6 4" data-testid="route-line" />
        )}
        {projected.stops.map((stop) => (
          <g key={`${stop.role}-${stop.unlocode}`} data-testid="stop-marker" data-unlocode={stop.unlocode} transform={`translate(${stop.x} ${stop.y})`}>
            <title>{`${roleLabel(stop.role)}: ${stop.name}`}</title>
            <circle r={5} fill={roleColour(stop.role)} stroke="#fff" strokeWidth={1.5} />
            <text x={8} y={4} fontSize={12} fill="#0f172a" stroke="#fff" strokeWidth={3} paintOrder="stroke">
              {stop.name}
            </text>
          </g>
        ))}
        {projected.lastKnown && (
          <g data-testid="last-known-marker" transform={`translate(${projected.lastKnown.x} ${projected.lastKnown.y})`}>
            <title>{`Last known position, ${formatDateTime(projected.lastKnown.eventTime)}`}</title>
            <circle r={6} fill="#dc2626" opacity={0.4} className="motion-safe:animate-ping" style={{ transformOrigin: 'center', transformBox: 'fill-box' }} />
            <circle r={4} fill="#dc2626" stroke="#fff" strokeWidth={1.5} />
          </g>
        )}
      </svg>
      <figcaption id="route-map-description" className="text-xs text-slate-700">
        {description}
      </figcaption>
    </figure>
  );
}
