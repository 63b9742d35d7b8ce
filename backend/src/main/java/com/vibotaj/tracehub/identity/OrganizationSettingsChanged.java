package com.vibotaj.tracehub.identity;

import java.util.UUID;

/** An organisation changed its settings (e.g. its TRACES number); compliance re-evaluates its shipments. */
public record OrganizationSettingsChanged(UUID organizationId) {}
