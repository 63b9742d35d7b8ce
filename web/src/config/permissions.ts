/** Permission names as sent by GET /api/me (`permissions`). */
export const permissions = {
  usersManage: 'users:manage',
  shipmentsRead: 'shipments:read',
  shipmentsWrite: 'shipments:write',
  trackingRefresh: 'tracking:refresh',
  documentsUpload: 'documents:upload',
  documentsReview: 'documents:review',
  auditRead: 'audit:read',
  analyticsRead: 'analytics:read',
  auditPackDownload: 'audit-pack:download',
  settingsManage: 'settings:manage',
  complianceOverride: 'compliance:override',
  eudrManage: 'eudr:manage',
  eudrOriginsSubmit: 'eudr:origins-submit',
  eudrDdsRecord: 'eudr:dds-record',
} as const;

export type Permission = (typeof permissions)[keyof typeof permissions];
