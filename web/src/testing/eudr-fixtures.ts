/**
 * EUDR answers shaped as in docs/architecture/documents-compliance-eudr.md (plain data; the EUDR tests assign
 * them to the feature's types). Plots in Ondo State, Nigeria; fictional.
 */
export const shipmentEudr = {
  applicable: true,
  status: 'incomplete',
  riskLevel: 'standard',
  checklist: [
    { code: 'geolocation', satisfied: true, message: 'Every product line has at least one plot.' },
    { code: 'dds_reference', satisfied: false, message: 'The buyer has not recorded a DDS reference yet.' },
  ],
  origins: [
    {
      id: '77777777-0000-4000-8000-000000000001',
      name: 'Adeyemi farm',
      countryCode: 'NG',
      geometry: { type: 'Point', coordinates: [5.1931, 7.2526] },
      areaHa: 3.2,
      productionDate: '2026-03-15',
      productionStart: null,
      productionEnd: null,
      linePositions: [1],
      riskLevel: 'standard',
      valid: true,
      problems: [],
    },
    {
      id: '77777777-0000-4000-8000-000000000002',
      name: 'Okafor plot',
      countryCode: 'NG',
      geometry: {
        type: 'Polygon',
        coordinates: [[[5.2, 7.3], [5.23, 7.3], [5.23, 7.33], [5.2, 7.33], [5.2, 7.3]]],
      },
      areaHa: 11.4,
      productionDate: null,
      productionStart: '2020-10-01',
      productionEnd: '2021-02-28',
      linePositions: [1],
      riskLevel: 'standard',
      valid: false,
      problems: ['Production started before the 2020-12-31 cut-off'],
    },
  ],
  ddsReferences: [] as unknown[],
};

export const notApplicableEudr = {
  applicable: false,
  status: 'not_applicable',
  riskLevel: null,
  checklist: [],
  origins: [],
  ddsReferences: [],
};

/** A polygon with an open ring and 8-decimal coordinates: repairable. */
export const openRingGeoJson = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Bello farm' },
      geometry: { type: 'Polygon', coordinates: [[[5.1, 7.1], [5.12345678, 7.1], [5.12, 7.12]]] },
    },
  ],
});

export const repairableReport = {
  valid: false,
  issues: [
    { code: 'ring_not_closed', severity: 'error', feature: 0, position: 'coordinates[0]', message: 'The polygon ring is not closed.' },
    { code: 'too_many_decimals', severity: 'warning', feature: 0, position: 'coordinates[0][1]', message: 'More than 6 decimals.' },
  ],
  repairs: [
    { code: 'close_ring', message: 'Close the ring by repeating the first position.' },
    { code: 'round_coordinates', message: 'Round coordinates to 6 decimals.' },
  ],
  repaired: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: 'Bello farm' },
        geometry: { type: 'Polygon', coordinates: [[[5.1, 7.1], [5.123457, 7.1], [5.12, 7.12], [5.1, 7.1]]] },
      },
    ],
  },
  plots: [{ feature: 0, geometryType: 'Polygon', areaHa: 2.7, countryCode: 'NG' }],
};

export const invalidReport = {
  valid: false,
  issues: [{ code: 'latitude_out_of_range', severity: 'error', feature: 1, position: 'coordinates[1]', message: 'Latitude 97.2 is outside -90..90.' }],
  repairs: [],
  repaired: null,
  plots: [],
};
