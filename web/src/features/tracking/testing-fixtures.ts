import type { ShipmentTracking, TrackingEvent } from './api/types';

/** A cocoa voyage Apapa → Algeciras → Hamburg, part sailed, the rest estimated. Fictional. */
export const shipmentId = '44444444-0000-4000-8000-000000000001';

function event(overrides: Partial<TrackingEvent> & Pick<TrackingEvent, 'id' | 'eventTime'>): TrackingEvent {
  return {
    containerNumber: 'CSQU3054383',
    dcsaCode: null,
    providerCode: 'X',
    family: 'equipment',
    classifier: 'ACT',
    unlocode: null,
    locationName: null,
    vesselName: null,
    voyage: null,
    derived: false,
    retracted: false,
    provider: 'simulated',
    ...overrides,
  };
}

export const events: TrackingEvent[] = [
  // Deliberately out of order: the timeline sorts by time.
  event({ id: 'e4', eventTime: '2026-12-04T06:00:00Z', dcsaCode: 'ARRI', providerCode: 'VA', family: 'transport', classifier: 'EST', unlocode: 'DEHAM', locationName: 'Hamburg' }),
  event({ id: 'e1', eventTime: '2026-11-08T09:00:00Z', dcsaCode: 'GTIN', providerCode: 'GI', unlocode: 'NGAPP', locationName: 'Apapa' }),
  event({ id: 'e2', eventTime: '2026-11-10T12:00:00Z', dcsaCode: 'DEPA', providerCode: 'VD', family: 'transport', unlocode: 'NGAPP', locationName: 'Apapa', vesselName: 'MAERSK GUAYAQUIL', voyage: '611N', derived: true }),
  event({ id: 'e3', eventTime: '2026-11-20T00:00:00Z', dcsaCode: null, providerCode: 'XRAY-7', unlocode: 'ESALG', locationName: 'Algeciras' }),
  event({ id: 'e5', eventTime: '2026-11-21T00:00:00Z', dcsaCode: 'DISC', providerCode: 'DS', unlocode: 'ESALG', locationName: 'Algeciras', retracted: true }),
  event({ id: 'e6', eventTime: '2026-12-05T00:00:00Z', dcsaCode: 'DISC', providerCode: 'DS', classifier: 'PLN', unlocode: 'DEHAM', locationName: 'Hamburg' }),
];

export const tracking: ShipmentTracking = {
  shipmentId,
  provider: 'simulated',
  eta: '2026-12-04T06:00:00Z',
  etaOriginal: '2026-12-01T06:00:00Z',
  containers: [
    {
      containerNumber: 'CSQU3054383',
      status: 'DEPA',
      lastCheckedAt: '2026-11-29T09:57:00Z',
      nextCheckAt: '2026-11-29T13:57:00Z',
      lastError: null,
    },
  ],
  events,
  route: {
    stops: [
      { unlocode: 'NGAPP', name: 'Apapa', latitude: 6.45, longitude: 3.36, role: 'loading' },
      { unlocode: 'ESALG', name: 'Algeciras', latitude: 36.13, longitude: -5.45, role: 'transshipment' },
      { unlocode: 'DEHAM', name: 'Hamburg', latitude: 53.55, longitude: 9.97, role: 'discharge' },
    ],
    lastKnown: { unlocode: null, name: null, latitude: 45.0, longitude: -9.0, eventTime: '2026-11-27T00:00:00Z', dcsaCode: 'DEPA' },
  },
};
