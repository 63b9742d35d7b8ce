/** A deterministic simulated voyage on a compressed clock, for demos and tests. */
@NullMarked
package com.vibotaj.tracehub.tracking.internal.provider.simulator;

import org.jspecify.annotations.NullMarked;
