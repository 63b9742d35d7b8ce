package com.vibotaj.tracehub.tracking.internal.provider;

import com.vibotaj.tracehub.tracking.internal.provider.jsoncargo.JsonCargoClient;
import com.vibotaj.tracehub.tracking.internal.provider.simulator.SimulatorProvider;
import com.vibotaj.tracehub.tracking.internal.provider.vizion.VizionClient;
import com.vibotaj.tracehub.tracking.internal.provider.vizion.VizionWebhookParser;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Provider beans. A real client exists only when its API key is set. The conditions check for a non-blank
 * value rather than using {@code @ConditionalOnProperty}, which treats the empty default in
 * application.yml (or an empty environment variable) as present.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrackingProviderProperties.class)
class TrackingProviderConfiguration {

    @Bean
    @Conditional(VizionConfigured.class)
    VizionClient vizionClient(TrackingProviderProperties properties, Clock clock) {
        return new VizionClient(
                properties.vizion(),
                ProviderCodeMappings.load(VizionClient.ID),
                Sleeper.THREAD,
                System::nanoTime,
                clock);
    }

    @Bean
    VizionWebhookParser vizionWebhookParser() {
        return new VizionWebhookParser(ProviderCodeMappings.load(VizionClient.ID));
    }

    /** Only with a secret: without one, webhooks cannot be verified and must be refused. */
    @Bean
    @Conditional(VizionWebhookSecretConfigured.class)
    WebhookSignatures vizionWebhookSignatures(TrackingProviderProperties properties) {
        return new WebhookSignatures(Objects.requireNonNull(properties.vizion().webhookSecret()));
    }

    @Bean
    @Conditional(JsonCargoConfigured.class)
    JsonCargoClient jsonCargoClient(TrackingProviderProperties properties, Clock clock) {
        return new JsonCargoClient(
                properties.jsoncargo(),
                ProviderCodeMappings.load(JsonCargoClient.ID),
                Sleeper.THREAD,
                System::nanoTime,
                clock);
    }

    @Bean
    SimulatorProvider simulatorProvider(TrackingProviderProperties properties, Clock clock) {
        return new SimulatorProvider(clock, properties.simulator().speed());
    }

    @Bean
    TrackingProviders trackingProviders(List<TrackingProvider> providers) {
        return new TrackingProviders(providers);
    }

    private abstract static class HasText implements Condition {
        private final String property;

        HasText(String property) {
            this.property = property;
        }

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(property));
        }
    }

    static final class VizionConfigured extends HasText {
        VizionConfigured() {
            super("tracehub.tracking.vizion.api-key");
        }
    }

    static final class VizionWebhookSecretConfigured extends HasText {
        VizionWebhookSecretConfigured() {
            super("tracehub.tracking.vizion.webhook-secret");
        }
    }

    static final class JsonCargoConfigured extends HasText {
        JsonCargoConfigured() {
            super("tracehub.tracking.jsoncargo.api-key");
        }
    }
}
