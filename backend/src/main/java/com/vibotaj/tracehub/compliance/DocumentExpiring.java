package com.vibotaj.tracehub.compliance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An approved current document crossed an expiry warning threshold (30, 14 or 7 days left) or expired
 * ({@code daysLeft} negative). Raised once per document and threshold by the expiry monitor.
 */
public record DocumentExpiring(
        UUID documentId, UUID shipmentId, UUID organizationId, String type, LocalDate expiryDate, long daysLeft) {}
