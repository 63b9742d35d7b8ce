/**
 * GET /api/shipments/{id}/tracking and POST …/tracking/refresh. Hand-written until the backend's OpenAPI
 * spec describes the tracking endpoints; replace with the generated types then.
 */
export type EventClassifier = 'ACT' | 'EST' | 'PLN';

export interface ContainerTracking {
  containerNumber: string;
  /** Last DCSA event code seen for the container. */
  status: string | null;
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  lastError: string | null;
}

export interface TrackingEvent {
  id: string;
  containerNumber: string;
  /** Null when the provider's code has no DCSA equivalent: kept raw in providerCode. */
  dcsaCode: string | null;
  providerCode: string;
  family: 'equipment' | 'transport';
  classifier: EventClassifier;
  eventTime: string;
  unlocode: string | null;
  locationName: string | null;
  vesselName: string | null;
  voyage: string | null;
  /** Inferred by TraceHub rather than reported by the provider. */
  derived: boolean;
  /** Withdrawn by the provider later; kept for the record. */
  retracted: boolean;
  provider: string;
}

export type StopRole = 'loading' | 'transshipment' | 'discharge';

export interface RouteStop {
  unlocode: string;
  name: string;
  latitude: number;
  longitude: number;
  role: StopRole;
}

export interface LastKnownPosition {
  unlocode: string | null;
  name: string | null;
  latitude: number;
  longitude: number;
  eventTime: string;
  dcsaCode: string | null;
}

export interface TrackingRoute {
  stops: RouteStop[];
  lastKnown: LastKnownPosition | null;
}

export interface ShipmentTracking {
  shipmentId: string;
  provider: string;
  eta: string | null;
  etaOriginal: string | null;
  containers: ContainerTracking[];
  events: TrackingEvent[];
  route: TrackingRoute;
}
