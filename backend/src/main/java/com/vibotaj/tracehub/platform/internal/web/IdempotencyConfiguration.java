package com.vibotaj.tracehub.platform.internal.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/** Wires the Idempotency-Key filter behind Spring Security and purges expired records. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** Right after Spring Security's filter chain, so the authenticated caller is known. */
    static final int FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, JsonMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, json));
        registration.setName("idempotencyFilter");
        registration.setOrder(FILTER_ORDER);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    IdempotencyHousekeeping idempotencyHousekeeping(IdempotencyStore store) {
        return new IdempotencyHousekeeping(store);
    }

    /** Deletes expired Idempotency-Key records of all users every ten minutes. */
    static class IdempotencyHousekeeping {

        private final IdempotencyStore store;

        IdempotencyHousekeeping(IdempotencyStore store) {
            this.store = store;
        }

        @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
        void run() {
            purgeExpired();
        }

        int purgeExpired() {
            int removed = store.purgeExpired();
            if (removed > 0) {
                log.info("Purged {} expired Idempotency-Key records", removed);
            }
            return removed;
        }
    }
}
