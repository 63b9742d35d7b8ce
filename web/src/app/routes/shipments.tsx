import { useParams } from 'react-router';

import { permissions } from '@/config/permissions';
import { ComplianceCard, DocumentFindings, RequirementChecklist } from '@/features/compliance';
import { DocumentsSection, useDocumentTypes } from '@/features/documents';
import { EudrCard } from '@/features/eudr';
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
  const documentTypes = useDocumentTypes();
  if (!id) return <NotFoundPage />;
  // The checklist names document types as the API does ("EUDR DDS-ready package"), not by their codes.
  const typeNames = new Map((documentTypes.data ?? []).map((type) => [type.code, type.name]));
  const can = (permission: Parameters<typeof hasPermission>[1]) => hasPermission(me.data, permission);
  const canOverride = can(permissions.complianceOverride);
  return (
    <ShipmentDetailPage
      // A new id is a new page: no state (forms, confirmations) carries over.
      key={id}
      id={id}
      canWrite={hasPermission(me.data, permissions.shipmentsWrite)}
      canDownloadAuditPack={can(permissions.auditPackDownload)}
      tracking={<TrackingSection shipmentId={id} canRefresh={can(permissions.trackingRefresh)} />}
      documents={
        <DocumentsSection
          shipmentId={id}
          canUpload={can(permissions.documentsUpload)}
          canReview={can(permissions.documentsReview)}
          // Archiving a document is for admins of the owner organisation (product spec §3); the server decides the org.
          canArchive={me.data?.role === 'admin'}
          checklist={<RequirementChecklist shipmentId={id} typeNames={typeNames} />}
          renderFindings={(documentId) => <DocumentFindings shipmentId={id} documentId={documentId} canOverride={canOverride} />}
        />
      }
      compliance={(shipment) => (
        <>
          <ComplianceCard shipmentId={id} canOverride={canOverride} />
          <EudrCard
            shipmentId={id}
            shipmentReference={shipment.reference}
            lines={shipment.productLines.map((line, index) => ({ position: index + 1, label: `${line.hsCode} ${line.description}` }))}
          />
        </>
      )}
    />
  );
}

export function ShipmentEditRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundPage />;
  return <ShipmentEditPage key={id} id={id} />;
}
