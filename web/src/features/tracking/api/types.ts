import type { Schemas } from '@/lib/api/types';

/** GET /api/shipments/{id}/tracking and POST …/tracking/refresh: the generated `View` schema and its parts. */
export type ShipmentTracking = Omit<Schemas['View'], 'route'> & { route: TrackingRoute };
export type ContainerTracking = Schemas['ContainerTracking'];
export type TrackingEvent = Schemas['Event'];
export type RouteStop = Schemas['Stop'];
export type LastKnownPosition = Schemas['LastKnown'];

/**
 * The backend sends `lastKnown: null` until a position is known (a `@Nullable` record component, serialised
 * as null); the spec only marks it optional, so accept both.
 */
export type TrackingRoute = Omit<Schemas['Route'], 'lastKnown'> & { lastKnown?: LastKnownPosition | null };

/** Classifiers the timeline tells apart; the spec types `classifier` as a plain string. */
export type EventClassifier = 'ACT' | 'EST' | 'PLN';

/** Stop roles the map has labels and colours for; the spec types `role` as a plain string. */
export type StopRole = 'loading' | 'transshipment' | 'discharge';
