import type { Schemas } from '@/lib/api/types';

/** Fictional partners, places and shipments for tests; never real ones. */
export const buyerPartner: Schemas['Partner'] = {
  id: '33333333-0000-4000-8000-000000000001',
  name: 'Hanseatic Cocoa Import GmbH',
  type: 'buyer',
};

export const partners: Schemas['Partner'][] = [
  buyerPartner,
  { id: '33333333-0000-4000-8000-000000000002', name: 'Maasvlakte Foods BV', type: 'buyer' },
  { id: '33333333-0000-4000-8000-000000000003', name: 'Ondo Farmers Cooperative', type: 'supplier' },
  { id: '33333333-0000-4000-8000-000000000004', name: 'Apapa Clearing Agents Ltd', type: 'logistics' },
];

export const productTypes: Schemas['ProductType'][] = [
  { code: 'cocoa_beans', name: 'Cocoa beans', hsHeadings: ['1801'], eudrAnnexI: true },
  { code: 'horn_hoof', name: 'Horn and hoof', hsHeadings: ['0506', '0507'], eudrAnnexI: false },
];

export const locations: Schemas['Location'][] = [
  { unlocode: 'NGAPP', name: 'Apapa', countryCode: 'NG', kind: 'port', latitude: 6.45, longitude: 3.36 },
  { unlocode: 'NGTIN', name: 'Tin Can Island', countryCode: 'NG', kind: 'port', latitude: 6.43, longitude: 3.35 },
  { unlocode: 'ESALG', name: 'Algeciras', countryCode: 'ES', kind: 'port', latitude: 36.13, longitude: -5.45 },
  { unlocode: 'DEHAM', name: 'Hamburg', countryCode: 'DE', kind: 'port', latitude: 53.55, longitude: 9.97 },
  { unlocode: 'NLRTM', name: 'Rotterdam', countryCode: 'NL', kind: 'port', latitude: 51.95, longitude: 4.14 },
];

export const carriers: Schemas['Carrier'][] = [
  { scac: 'MAEU', name: 'Maersk' },
  { scac: 'MSCU', name: 'MSC' },
];

export const eventCodes: Schemas['EventCode'][] = [
  { code: 'GTIN', description: 'Gated in at the terminal', family: 'equipment' },
  { code: 'LOAD', description: 'Loaded on board', family: 'equipment' },
  { code: 'DEPA', description: 'Vessel departed', family: 'transport' },
  { code: 'ARRI', description: 'Vessel arrived', family: 'transport' },
  { code: 'DISC', description: 'Discharged from vessel', family: 'equipment' },
];

export const shipmentId = '44444444-0000-4000-8000-000000000001';

export const shipmentSummaries: Schemas['Summary'][] = [
  {
    id: shipmentId,
    reference: 'VIBO-2026-014',
    status: 'in_transit',
    productType: 'cocoa_beans',
    buyer: { id: buyerPartner.id, name: buyerPartner.name },
    containerNumbers: ['CSQU3054383'],
    billOfLading: 'MAEU241234567',
    carrierScac: 'MAEU',
    vesselName: 'MAERSK GUAYAQUIL',
    voyage: '611N',
    portOfLoading: 'NGAPP',
    portOfDischarge: 'DEHAM',
    etd: '2026-11-10T08:00:00Z',
    eta: '2026-12-04T06:00:00Z',
    atd: '2026-11-10T12:00:00Z',
    ata: null,
    attention: ['eta_slipped', 'customs_hold'],
    updatedAt: '2026-11-28T10:00:00Z',
  },
  {
    id: '44444444-0000-4000-8000-000000000002',
    reference: 'VIBO-2026-015',
    status: 'draft',
    productType: 'horn_hoof',
    buyer: { id: partners[1]!.id, name: partners[1]!.name },
    containerNumbers: [],
    billOfLading: null,
    carrierScac: null,
    vesselName: null,
    voyage: null,
    portOfLoading: 'NGTIN',
    portOfDischarge: 'NLRTM',
    etd: null,
    eta: null,
    atd: null,
    ata: null,
    attention: [],
    updatedAt: '2026-11-27T10:00:00Z',
  },
];

export const shipmentDetail: Schemas['Detail'] = {
  id: shipmentId,
  ownerOrganizationId: '0f8e7c1a-0000-4000-8000-000000000001',
  reference: 'VIBO-2026-014',
  status: 'in_transit',
  productType: 'cocoa_beans',
  buyer: { id: buyerPartner.id, name: buyerPartner.name },
  suppliers: [{ id: partners[2]!.id, name: partners[2]!.name }],
  forwarders: [],
  exporterName: 'Vibotaj Nigeria Ltd',
  exporterAddress: 'Lagos',
  importerName: 'Hanseatic Cocoa Import GmbH',
  importerAddress: 'Hamburg',
  billOfLading: 'MAEU241234567',
  bookingReference: 'BK-9911',
  carrierScac: 'MAEU',
  carrierName: 'Maersk',
  vesselName: 'MAERSK GUAYAQUIL',
  voyage: '611N',
  portOfLoading: 'NGAPP',
  portOfDischarge: 'DEHAM',
  finalDestination: 'Hamburg',
  incoterms: 'FOB',
  etd: '2026-11-10T08:00:00Z',
  eta: '2026-12-04T06:00:00Z',
  etaOriginal: '2026-12-01T06:00:00Z',
  atd: '2026-11-10T12:00:00Z',
  ata: null,
  notes: null,
  attention: ['eta_slipped'],
  containers: [
    { number: 'CSQU3054383', isoType: '22G1', sealNumber: 'SEAL-1', grossWeightKg: 21500, trackingStatus: 'DEPA' },
    { number: 'MRSU3452572', isoType: '45G1', sealNumber: null, grossWeightKg: null, trackingStatus: null },
  ],
  productLines: [
    {
      hsCode: '180100',
      description: 'Raw cocoa beans, fermented and dried',
      containerNumber: 'CSQU3054383',
      netWeightKg: 20000,
      grossWeightKg: 20400,
      packages: 320,
      packagingType: 'jute bags',
      batchNumbers: 'B-1, B-2',
      qualityGrade: 'Grade 1',
      moisturePercent: 7.2,
    },
  ],
  allowedTransitions: ['arrived', 'archived'],
  editable: true,
  version: 3,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-28T10:00:00Z',
};

export const shipmentHistory: Schemas['StatusChangeView'][] = [
  { to: 'draft', occurredAt: '2026-11-01T10:00:00Z', source: 'user', actorName: 'Lola Logistics', reason: null },
  { from: 'draft', to: 'docs_pending', occurredAt: '2026-11-02T10:00:00Z', source: 'user', actorName: 'Lola Logistics', reason: null },
  {
    from: 'docs_pending',
    to: 'in_transit',
    occurredAt: '2026-11-10T12:00:00Z',
    source: 'tracking',
    actorName: null,
    reason: 'Vessel departed Apapa',
  },
];

export function shipmentPage(items: Schemas['Summary'][], totalItems = items.length, totalPages = 1) {
  return { items, page: 0, size: 25, totalItems, totalPages } satisfies Schemas['Page'];
}
