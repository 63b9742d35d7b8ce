/**
 * Notifications: in-app notifications and e-mail to the people a domain event concerns, chosen by role
 * and tenancy, with per-user preferences, a daily digest and a retried mail outbox. Listens only;
 * nothing depends on it.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"platform", "identity", "shipments", "documents", "compliance"})
@NullMarked
package com.vibotaj.tracehub.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
