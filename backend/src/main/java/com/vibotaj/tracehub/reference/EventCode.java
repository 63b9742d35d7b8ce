package com.vibotaj.tracehub.reference;

/** A DCSA Track &amp; Trace event code ({@code family} is {@code equipment} or {@code transport}). */
public record EventCode(String code, String family, String description) {}
