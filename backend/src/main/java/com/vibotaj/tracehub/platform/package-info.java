/**
 * Infrastructure shared by every module: web, security and error wiring, observability, the database
 * session and tenant context. Holds no business rules.
 */
@ApplicationModule(displayName = "Platform")
@NullMarked
package com.vibotaj.tracehub.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
