/** Tracking providers behind one interface; every payload is mapped to DCSA Track \& Trace codes through explicit tables. */
@NullMarked
package com.vibotaj.tracehub.tracking.internal.provider;

import org.jspecify.annotations.NullMarked;
