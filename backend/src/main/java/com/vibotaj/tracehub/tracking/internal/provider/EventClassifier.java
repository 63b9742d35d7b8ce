package com.vibotaj.tracehub.tracking.internal.provider;

/** DCSA event classifier: whether the event happened, is estimated or only planned. */
public enum EventClassifier {
    ACT,
    EST,
    PLN
}
