import { useParams } from 'react-router';

import { permissions } from '@/config/permissions';
import { hasPermission, useMe } from '@/features/identity';
import { ShipmentDetailPage, ShipmentEditPage, ShipmentsListPage } from '@/features/shipments';
import { TrackingSection } from '@/features/tracking';

import { NotFoundPage } from './not-found';

/** The shipments feature gets the user's permissions as props: features do not import identity. */
export function ShipmentsListRoute() {
  const me = useMe();
  return <ShipmentsListPage canWrite={hasPermission(me.data, permissions.shipmentsWrite)} />;
}

export function ShipmentDetailRoute() {
  const { id } = useParams();
  const me = useMe();
  if (!id) return <NotFoundPage />;
  return (
    <ShipmentDetailPage
      // A new id is a new page: no state (forms, confirmations) carries over.
      key={id}
      id={id}
      canWrite={hasPermission(me.data, permissions.shipmentsWrite)}
      tracking={<TrackingSection shipmentId={id} canRefresh={hasPermission(me.data, permissions.trackingRefresh)} />}
    />
  );
}

export function ShipmentEditRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundPage />;
  return <ShipmentEditPage key={id} id={id} />;
}
