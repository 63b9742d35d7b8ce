package com.vibotaj.tracehub.identity.web;

import com.vibotaj.tracehub.identity.internal.Profiles;
import com.vibotaj.tracehub.identity.internal.Profiles.Me;
import com.vibotaj.tracehub.platform.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Authentication")
@RestController
class MeController {

    private final Profiles profiles;

    MeController(Profiles profiles) {
        this.profiles = profiles;
    }

    @Operation(summary = "The signed-in user, acting organisation, role and permissions")
    @GetMapping("/api/me")
    Me me() {
        return profiles.me(CurrentActor.require());
    }
}
