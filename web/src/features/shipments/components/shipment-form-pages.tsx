import { useNavigate } from 'react-router';

import { Alert, Button, PageSpinner, ProblemAlert } from '@/components/ui';
import { shipmentPath } from '@/config/paths';

import { useShipment } from '../api/get-shipment';
import { useCreateShipment, useUpdateShipment } from '../api/save-shipment';
import { emptyShipmentForm, fromShipmentDetail } from '../model/shipment-form';

import { ShipmentForm } from './shipment-form';

export function ShipmentCreatePage() {
  const navigate = useNavigate();
  const create = useCreateShipment();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">New shipment</h1>
      <ShipmentForm
        initialValues={emptyShipmentForm}
        submitLabel="Create shipment"
        onSubmit={async (request) => {
          const detail = await create.mutateAsync(request);
          await navigate(shipmentPath(detail.id));
        }}
      />
    </div>
  );
}

export function ShipmentEditPage({ id }: { id: string }) {
  const navigate = useNavigate();
  const shipment = useShipment(id);
  const update = useUpdateShipment();

  if (shipment.isPending) return <PageSpinner label="Loading the shipment…" />;
  if (shipment.isError) return <ProblemAlert error={shipment.error} title="The shipment could not be loaded" />;

  const detail = shipment.data;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Edit {detail.reference}</h1>
      {!detail.editable ? (
        <Alert tone="info" title="This shipment can no longer be edited">
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => void navigate(shipmentPath(id))}>
            Back to the shipment
          </Button>
        </Alert>
      ) : (
        <ShipmentForm
          // A reload after a stale-version conflict starts again from the newest data.
          key={detail.version}
          initialValues={fromShipmentDetail(detail)}
          submitLabel="Save changes"
          onReload={() => void shipment.refetch()}
          onSubmit={async (request) => {
            const saved = await update.mutateAsync({ id, body: { ...request, version: detail.version } });
            await navigate(shipmentPath(saved.id));
          }}
        />
      )}
    </div>
  );
}
