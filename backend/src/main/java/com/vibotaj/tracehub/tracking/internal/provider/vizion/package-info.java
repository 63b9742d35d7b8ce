/** Vizion: containers are subscribed as references; updates arrive by webhook and are also pulled to backfill, because Vizion does not re-send failed webhooks. */
@NullMarked
package com.vibotaj.tracehub.tracking.internal.provider.vizion;

import org.jspecify.annotations.NullMarked;
