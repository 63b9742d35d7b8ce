/** Versioned reference data the rules depend on: countries and their risk class, UN/LOCODE locations. */
@ApplicationModule(displayName = "Reference data", allowedDependencies = "platform")
@NullMarked
package com.vibotaj.tracehub.reference;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
