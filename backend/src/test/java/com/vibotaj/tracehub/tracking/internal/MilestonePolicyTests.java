package com.vibotaj.tracehub.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.shipments.TrackingMilestone;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MilestonePolicyTests {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    final List<StoredEvent> events = new ArrayList<>();

    StoredEvent add(String code, String classifier, int day, String port) {
        return add(code, classifier, day, port, false);
    }

    StoredEvent add(String code, String classifier, int day, String port, boolean retracted) {
        StoredEvent e = new StoredEvent(
                UUID.randomUUID(),
                "CSQU3054383",
                "simulator",
                code + day,
                code,
                code,
                "DEPA".equals(code) || "ARRI".equals(code) ? "transport" : "equipment",
                classifier,
                T0.plus(Duration.ofDays(day)),
                port,
                null,
                null,
                null,
                false,
                retracted);
        events.add(e);
        return e;
    }

    List<TrackingMilestone> milestones() {
        return MilestonePolicy.read(events, "NGAPP", "DEHAM").milestones().stream()
                .map(MilestonePolicy.Reached::milestone)
                .toList();
    }

    @Test
    void departureCountsOnlyAtThePortOfLoadingAndArrivalOnlyAtThePortOfDischarge() {
        add("DEPA", "ACT", 1, "NGAPP");
        add("ARRI", "ACT", 9, "MAPTM"); // transshipment arrival: not the arrival
        add("DISC", "ACT", 9, "MAPTM");
        assertThat(milestones()).containsExactly(TrackingMilestone.DEPARTED);
        add("DISC", "ACT", 21, "DEHAM");
        assertThat(milestones()).containsExactly(TrackingMilestone.DEPARTED, TrackingMilestone.ARRIVED);
    }

    @Test
    void estimatesAndRetractedEventsNeverMakeAMilestoneButEstimatesGiveTheEta() {
        add("DEPA", "EST", 1, "NGAPP");
        add("ARRI", "EST", 20, "DEHAM");
        add("ARRI", "EST", 23, "DEHAM"); // a later estimate: the slip
        add("DEPA", "ACT", 2, "NGAPP", true);
        MilestonePolicy.Reading reading = MilestonePolicy.read(events, "NGAPP", "DEHAM");
        assertThat(reading.milestones()).isEmpty();
        assertThat(reading.estimatedArrival()).isEqualTo(T0.plus(Duration.ofDays(23)));
    }

    @Test
    void deliveryNeedsACustomsReleaseBeforeTheGateOut() {
        add("DEPA", "ACT", 1, "NGAPP");
        add("DISC", "ACT", 20, "DEHAM");
        add("GTOT", "ACT", 21, "DEHAM");
        assertThat(milestones()).doesNotContain(TrackingMilestone.DELIVERED);
        add("CUSI", "ACT", 22, "DEHAM");
        add("CUSR", "ACT", 24, "DEHAM");
        assertThat(milestones()).doesNotContain(TrackingMilestone.DELIVERED); // the gate-out was before release
        add("GTOT", "ACT", 25, "DEHAM");
        assertThat(milestones())
                .containsExactly(
                        TrackingMilestone.DEPARTED,
                        TrackingMilestone.ARRIVED,
                        TrackingMilestone.CUSTOMS_HOLD,
                        TrackingMilestone.DELIVERED);
        assertThat(MilestonePolicy.read(events, "NGAPP", "DEHAM").customsReleased())
                .isTrue();
    }

    @Test
    void aHoldAfterTheLastReleaseIsNotReleased() {
        add("CUSR", "ACT", 20, "DEHAM");
        add("CUSS", "ACT", 21, "DEHAM");
        assertThat(MilestonePolicy.read(events, "NGAPP", "DEHAM").customsReleased())
                .isFalse();
    }

    @Test
    void pollingIsFrequentNearDepartureAndArrivalRareMidOceanAndStopsWhenDelivered() {
        PollingProperties p = new PollingProperties(
                true,
                Duration.ofSeconds(5),
                10,
                Duration.ofMinutes(2),
                Duration.ofHours(2),
                Duration.ofHours(12),
                Duration.ofHours(1),
                Duration.ofHours(48),
                Duration.ofMinutes(5),
                Duration.ofHours(12),
                Duration.ofHours(20),
                "0 0 2 * * *");
        PollingSchedule schedule = new PollingSchedule(p);
        Instant now = T0;
        var soon = now.plus(Duration.ofHours(30)).atOffset(ZoneOffset.UTC);
        var later = now.plus(Duration.ofDays(10)).atOffset(ZoneOffset.UTC);
        assertThat(schedule.nextAfterSuccess(PollingSchedule.Phase.PRE_DEPARTURE, now, soon, later))
                .isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(schedule.nextAfterSuccess(PollingSchedule.Phase.PRE_DEPARTURE, now, later, later))
                .isEqualTo(now.plus(Duration.ofHours(12)));
        assertThat(schedule.nextAfterSuccess(PollingSchedule.Phase.AT_SEA, now, null, later))
                .isEqualTo(now.plus(Duration.ofHours(12)));
        assertThat(schedule.nextAfterSuccess(PollingSchedule.Phase.AT_SEA, now, null, soon))
                .isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(schedule.nextAfterSuccess(PollingSchedule.Phase.ARRIVED, now, null, null))
                .isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(schedule.nextAfterSuccess(PollingSchedule.Phase.DELIVERED, now, null, null))
                .isNull();
        assertThat(schedule.nextAfterFailure(1, now)).isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(schedule.nextAfterFailure(3, now)).isEqualTo(now.plus(Duration.ofMinutes(20)));
        assertThat(schedule.nextAfterFailure(30, now)).isEqualTo(now.plus(Duration.ofHours(12)));
    }
}
