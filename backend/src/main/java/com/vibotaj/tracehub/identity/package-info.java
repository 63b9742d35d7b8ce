/** Organisations, users, memberships and roles, invitations, login and tokens. */
@ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
@NullMarked
package com.vibotaj.tracehub.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
