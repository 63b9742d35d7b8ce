package com.vibotaj.tracehub.platform.internal.security;

import com.vibotaj.tracehub.platform.AccessTokenClaims;
import com.vibotaj.tracehub.platform.SecurityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless API security: short-lived HS256 access tokens in the Authorization header; the refresh
 * token lives in an HttpOnly cookie that only {@code /api/auth/*} reads (docs/adr/0003-token-design.md).
 * Authorities are the permissions listed in the token's {@code perms} claim.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Actuator: probes are public (nginx and orchestrators call them); metrics need the metrics user. */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, SecurityProperties properties, JsonMapper json)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasRole("METRICS")
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"metrics\"");
                    problems.write(
                            response,
                            HttpStatus.UNAUTHORIZED,
                            "unauthenticated",
                            "Unauthenticated",
                            "Metrics require the metrics credentials.");
                }))
                .userDetailsService(new InMemoryUserDetailsManager(metricsUser(properties)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.POST, "/api/auth/login", "/api/auth/refresh", "/api/auth/logout")
                        .permitAll()
                        .requestMatchers("/api/public/**")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(oauth -> oauth.bearerTokenResolver(bearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint((request, response, e) -> problems.write(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "unauthenticated",
                                "Unauthenticated",
                                "Sign in first: the access token is missing, invalid or expired."))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "Forbidden",
                                "Your role does not allow this action.")))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> problems.write(
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Unauthenticated",
                        "Sign in first: the access token is missing, invalid or expired.")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'"))
                        .referrerPolicy(Customizer.withDefaults()));
        return http.build();
    }

    /** Public auth endpoints ignore a stale Authorization header instead of answering 401. */
    private static BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
        return request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/api/auth/") || path.startsWith("/api/public/")) {
                return null;
            }
            return delegate.resolve(request);
        };
    }

    private static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(AccessTokenClaims.PERMISSIONS);
        authorities.setAuthorityPrefix("");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static UserDetails metricsUser(SecurityProperties properties) {
        String password = properties.metricsPassword();
        // Without a configured password nobody can log in as "metrics": the stored hash matches nothing.
        String encoded = password == null || password.isBlank()
                ? "{noop}" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID()
                : CryptoConfiguration.passwordEncoder().encode(password);
        return User.withUsername("metrics").password(encoded).roles("METRICS").build();
    }
}
