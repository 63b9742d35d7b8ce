package com.vibotaj.tracehub.audit.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires central capture: the recording filter wraps Spring Security (so denials are recorded too), the
 * actor filter runs just inside it (so the caller is known).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AuditConfiguration {

    /** After the request id filter (highest precedence), before Spring Security. */
    static final int CAPTURE_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    /** Inside Spring Security, before the Idempotency-Key filter (which may answer without calling on). */
    static final int ACTOR_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5;

    @Bean
    FilterRegistrationBean<AuditCaptureFilter> auditCaptureFilter(AuditWriter writer, KnownActors actors, Clock clock) {
        FilterRegistrationBean<AuditCaptureFilter> registration =
                new FilterRegistrationBean<>(new AuditCaptureFilter(writer, actors, clock));
        registration.setName("auditCaptureFilter");
        registration.setOrder(CAPTURE_ORDER);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ActorCaptureFilter> auditActorFilter() {
        FilterRegistrationBean<ActorCaptureFilter> registration =
                new FilterRegistrationBean<>(new ActorCaptureFilter());
        registration.setName("auditActorFilter");
        registration.setOrder(ACTOR_ORDER);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
