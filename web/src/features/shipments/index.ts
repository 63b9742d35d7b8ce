/** Public API of the shipments feature: what the app layer may compose. */
export { ImportPage as ShipmentImportPage } from './components/import-page';
export { ShipmentDetailPage } from './components/shipment-detail-page';
export type { ShipmentDetail } from './api/get-shipment';
export { ShipmentCreatePage, ShipmentEditPage } from './components/shipment-form-pages';
export { ShipmentsListPage } from './components/shipments-list-page';
