package com.vibotaj.tracehub.tracking.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often containers are polled. Freshness follows the journey: often around departure and
 * arrival, rarely mid-ocean; failures back off exponentially; a nightly reconcile re-pulls anything
 * not heard from for a day (Vizion does not retry failed webhooks).
 *
 * @param enabled whether this instance runs the scheduler at all
 * @param tick how often an instance looks for due work
 * @param batch how many subscriptions one tick claims
 * @param lease how long a claimed subscription stays reserved for the claiming instance
 * @param near interval when departure or arrival is within {@code nearWindow}
 * @param far interval otherwise (mid-ocean, weeks before sailing)
 * @param arrived interval after arrival until delivery
 * @param nearWindow how close to ETD/ETA counts as near
 * @param failureBase first back-off after a failure; doubles per consecutive failure
 * @param failureMax longest back-off
 * @param reconcileAfter the nightly reconcile pulls subscriptions without success for this long
 * @param reconcileCron when the reconcile runs
 */
@ConfigurationProperties("tracehub.tracking.polling")
public record PollingProperties(
        boolean enabled,
        Duration tick,
        int batch,
        Duration lease,
        Duration near,
        Duration far,
        Duration arrived,
        Duration nearWindow,
        Duration failureBase,
        Duration failureMax,
        Duration reconcileAfter,
        String reconcileCron) {}
