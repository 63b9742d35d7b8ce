package com.vibotaj.tracehub.identity.web;

import com.vibotaj.tracehub.identity.IdentityProperties;
import com.vibotaj.tracehub.identity.internal.Authentication;
import com.vibotaj.tracehub.identity.internal.Authentication.Session;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Authentication")
@RestController
@RequestMapping("/api/auth")
class AuthController {

    /** Name of the HttpOnly cookie that carries the refresh token; only /api/auth ever receives it. */
    static final String REFRESH_COOKIE = "TH_REFRESH";

    private final Authentication authentication;
    private final IdentityProperties properties;

    AuthController(Authentication authentication, IdentityProperties properties) {
        this.authentication = authentication;
        this.properties = properties;
    }

    record LoginRequest(
            @NotBlank(message = "is required") @Size(max = 254)
            String email,

            @NotBlank(message = "is required") @Size(max = 1024)
            String password) {}

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {}

    @Operation(
            summary = "Sign in with e-mail and password",
            description = "Sets the refresh cookie. 429 with Retry-After when rate limited.")
    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return withSession(authentication.login(body.email(), body.password(), request.getRemoteAddr()));
    }

    @Operation(
            summary = "Exchange the refresh cookie for a new access token",
            description = "Rotates the refresh cookie.")
    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(
            @CookieValue(name = REFRESH_COOKIE, required = false) @Nullable String token) {
        return withSession(authentication.refresh(token == null ? "" : token));
    }

    @Operation(summary = "Sign out", description = "Revokes the session's refresh tokens and clears the cookie.")
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@CookieValue(name = REFRESH_COOKIE, required = false) @Nullable String token) {
        if (token != null) {
            authentication.logout(token);
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                .build();
    }

    private ResponseEntity<TokenResponse> withSession(Session session) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookie(session.refreshToken(), session.refreshTtl()).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new TokenResponse(session.accessToken(), "Bearer", session.expiresInSeconds()));
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(REFRESH_COOKIE, value)
                .httpOnly(true)
                .secure(properties.refreshCookieSecure())
                .sameSite("Strict")
                .path("/api/auth")
                .maxAge(maxAge)
                .build();
    }
}
