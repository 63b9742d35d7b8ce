/** JSONCargo: pull-only status snapshots from which events are derived and marked as such. */
@NullMarked
package com.vibotaj.tracehub.tracking.internal.provider.jsoncargo;

import org.jspecify.annotations.NullMarked;
