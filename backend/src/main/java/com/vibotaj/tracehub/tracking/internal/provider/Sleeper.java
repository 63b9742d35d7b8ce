package com.vibotaj.tracehub.tracking.internal.provider;

import java.time.Duration;

/** Waiting, made replaceable so tests of back-off and rate limits record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
