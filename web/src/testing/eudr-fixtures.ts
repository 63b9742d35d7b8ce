import type { Schemas } from '@/lib/api/types';

import { exporterOrg } from './fixtures';
import { shipmentId } from './shipment-fixtures';

/**
 * EUDR answers typed with the generated schema (`EudrController` records), shaped like the running backend's
 * demo data. Plots in Ondo State, Nigeria; fictional. Plot features are GeoJSON Features: the schema calls them
 * `JsonNode`, hence the casts through `unknown` where one is built.
 */
type JsonNode = Schemas['JsonNode'];
const json = (value: unknown) => value as JsonNode;

export const pointOriginId = '77777777-0000-4000-8000-000000000001';
export const polygonOriginId = '77777777-0000-4000-8000-000000000002';

const pointFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [5.1931, 7.2526] },
  properties: { ProducerName: 'Adeyemi farm', ProducerCountry: 'NG', Area: 3.2 },
};

const polygonFeature = {
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[5.2, 7.3], [5.23, 7.3], [5.23, 7.33], [5.2, 7.33], [5.2, 7.3]]] },
  properties: { ProducerName: 'Okafor plot', ProducerCountry: 'NG', ProductionPlace: 'Idanre, Ondo State' },
};

export const pointOrigin: Schemas['OriginView'] = {
  id: pointOriginId,
  producerName: 'Adeyemi farm',
  producerCountry: 'NG',
  productionPlace: null,
  areaHa: 3.2,
  computedAreaHa: 0,
  geometryType: 'Point',
  feature: json(pointFeature),
  productionStart: '2026-03-15',
  productionEnd: '2026-03-15',
  linePositions: [1],
  createdByOrganizationId: exporterOrg.id,
  createdAt: '2026-11-25T09:00:00Z',
  repairsApplied: [],
  valid: true,
  issues: [],
};

export const polygonOrigin: Schemas['OriginView'] = {
  id: polygonOriginId,
  producerName: 'Okafor plot',
  producerCountry: 'NG',
  productionPlace: 'Idanre, Ondo State',
  areaHa: null,
  computedAreaHa: 11.4,
  geometryType: 'Polygon',
  feature: json(polygonFeature),
  productionStart: '2020-10-01',
  productionEnd: '2021-02-28',
  linePositions: [1],
  createdByOrganizationId: exporterOrg.id,
  createdAt: '2026-11-25T09:00:00Z',
  repairsApplied: ['Feature 1 (ProducerName "Okafor plot"): ring 1: append the first position to close the ring.'],
  valid: false,
  issues: [
    {
      code: 'production-before-cutoff',
      severity: 'error',
      feature: 1,
      position: null,
      message: 'Production started before the 2020-12-31 cut-off',
      repairable: false,
    },
  ],
};

export const ddsReference: Schemas['DdsView'] = {
  id: '88888888-0000-4000-8000-000000000001',
  referenceNumber: '26NLRTM0000123',
  verificationNumber: 'VRF596993',
  filedAt: '2026-11-28T10:00:00Z',
  recordedByOrganizationId: '0f8e7c1a-0000-4000-8000-000000000002',
  recordedAt: '2026-11-28T10:05:00Z',
  amendedAt: null,
  amendableUntil: '2026-12-01T10:00:00Z',
  amendable: true,
};

export const shipmentEudr: Schemas['EudrView'] = {
  shipmentId,
  applicable: true,
  status: 'incomplete',
  riskLevel: 'standard',
  checklist: [
    { code: 'plots_present', satisfied: true, message: 'Every product line has at least one plot.', state: 'satisfied' },
    { code: 'production_after_cutoff', satisfied: false, message: 'Okafor plot was produced before the cut-off.', state: 'failed' },
    { code: 'producer_identified', satisfied: false, message: 'No producer named for one plot.', state: 'missing' },
    { code: 'dds_reference_recorded', satisfied: false, message: 'The buyer records the DDS reference before customs clearance.', state: 'pending' },
  ],
  annexIHeadings: ['1801'],
  origins: [pointOrigin, polygonOrigin],
  ddsReferences: [],
  actions: ['add_origins', 'record_dds', 'download_package'],
};

export const notApplicableEudr: Schemas['EudrView'] = {
  shipmentId,
  applicable: false,
  status: 'not_applicable',
  riskLevel: null,
  checklist: [],
  annexIHeadings: [],
  origins: [],
  ddsReferences: [],
  actions: [],
};

/** A polygon with an open ring and 8-decimal coordinates: repairable. */
export const openRingGeoJson = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { ProducerName: 'Bello farm', ProducerCountry: 'NG' },
      geometry: { type: 'Polygon', coordinates: [[[5.1, 7.1], [5.12345678, 7.1], [5.12, 7.12]]] },
    },
  ],
});

/** What the backend answered for `openRingGeoJson` (messages shortened): errors only repairable ones, no plots yet. */
export const repairableReport: Schemas['GeoJsonReport'] = {
  valid: false,
  issues: [
    { code: 'open-ring', severity: 'error', feature: 1, position: 'ring 1', message: 'The polygon ring is not closed.', repairable: true },
    { code: 'precision', severity: 'advisory', feature: 1, position: 'ring 1, vertex 1', message: 'Fewer than 6 decimals.', repairable: false },
  ],
  repairs: [
    { code: 'round-6-decimals', feature: 1, message: 'Round every coordinate to 6 decimals.' },
    { code: 'close-ring', feature: 1, message: 'Append the first position to close the ring.' },
  ],
  repaired: json({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { ProducerName: 'Bello farm', ProducerCountry: 'NG' },
        geometry: { type: 'Polygon', coordinates: [[[5.1, 7.1], [5.123457, 7.1], [5.12, 7.12], [5.1, 7.1]]] },
      },
    ],
  }),
  plots: [],
};

export const invalidReport: Schemas['GeoJsonReport'] = {
  valid: false,
  issues: [
    { code: 'latitude-range', severity: 'error', feature: 2, position: 'vertex 1', message: 'Latitude 97.2 is outside -90..90.', repairable: false },
  ],
  repairs: [],
  plots: [],
};

/** The 201 answer of a save. */
export function originsSaved(eudr: Schemas['EudrView'] = shipmentEudr): Schemas['OriginsSaved'] {
  return {
    originIds: [polygonOriginId],
    validation: { valid: true, issues: [], repairs: [], plots: [] },
    eudr,
  };
}
