package com.vibotaj.tracehub.identity;

/** Permission names: they appear in access tokens, in {@code /api/me} and in method security rules. */
public final class Permission {

    public static final String USERS_MANAGE = "users:manage";
    public static final String SETTINGS_MANAGE = "settings:manage";
    public static final String SHIPMENTS_READ = "shipments:read";
    public static final String SHIPMENTS_WRITE = "shipments:write";
    public static final String DOCUMENTS_UPLOAD = "documents:upload";
    public static final String DOCUMENTS_REVIEW = "documents:review";
    public static final String COMPLIANCE_OVERRIDE = "compliance:override";
    public static final String EUDR_MANAGE = "eudr:manage";
    public static final String EUDR_ORIGINS_SUBMIT = "eudr:origins-submit";
    public static final String EUDR_DDS_RECORD = "eudr:dds-record";
    public static final String TRACKING_REFRESH = "tracking:refresh";
    public static final String AUDIT_READ = "audit:read";
    public static final String AUDIT_PACK_DOWNLOAD = "audit-pack:download";
    public static final String ANALYTICS_READ = "analytics:read";

    private Permission() {}
}
