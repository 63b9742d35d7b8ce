package com.vibotaj.tracehub.identity.internal.demo;

import com.vibotaj.tracehub.identity.DemoIdentityReady;
import com.vibotaj.tracehub.identity.DemoProperties;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.identity.internal.demo.DemoDirectory.DemoOrganization;
import com.vibotaj.tracehub.identity.internal.demo.DemoDirectory.DemoUser;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the demo organisations and users once the application is ready, each organisation in its own
 * transaction, so a failure here is reported but can neither stop the application nor undo other
 * data. Runs only when {@code tracehub.demo.enabled} is true (the local run).
 */
@Component
@ConditionalOnBooleanProperty("tracehub.demo.enabled")
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoWriter writer;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final DemoCredentials credentials;
    private final Environment environment;

    DemoDataLoader(
            DemoWriter writer,
            DemoProperties properties,
            Environment environment,
            org.springframework.context.ApplicationEventPublisher events) {
        this.writer = writer;
        this.events = events;
        this.credentials = new DemoCredentials(properties);
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        try {
            boolean existed = writer.exists(DemoDirectory.EXPORTER);
            DemoCredentials.Password password = credentials.resolve(existed);
            int created = 0;
            for (DemoOrganization organization : DemoDirectory.ORGANIZATIONS) {
                created += writer.write(organization, password.value());
            }
            writer.partners(
                    DemoDirectory.EXPORTER,
                    DemoDirectory.ORGANIZATIONS.stream()
                            .filter(o -> !o.equals(DemoDirectory.EXPORTER))
                            .toList());
            log.info("Demo data ready ({} users created)", created);
            printWelcome(password, created > 0);
            DemoUser actor = DemoDirectory.USERS.stream()
                    .filter(u -> u.organization().equals(DemoDirectory.EXPORTER) && u.role() == Role.LOGISTICS)
                    .findFirst()
                    .orElseThrow();
            writer.userId(actor)
                    .ifPresent(actorId -> events.publishEvent(new DemoIdentityReady(
                            DemoDirectory.EXPORTER.id(),
                            actorId,
                            java.util.List.of(DemoDirectory.BUYER_HAMBURG.id(), DemoDirectory.BUYER_ROTTERDAM.id()),
                            DemoDirectory.SUPPLIER.id(),
                            DemoDirectory.FORWARDER.id())));
        } catch (RuntimeException e) {
            log.error("Demo data could not be loaded; the application keeps running without it", e);
        }
    }

    private void printWelcome(DemoCredentials.Password password, boolean fresh) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder text = new StringBuilder("\n\n  TraceHub is running at http://localhost:" + port + "\n\n");
        text.append("  Demo users (one per role):\n");
        for (DemoUser user : DemoDirectory.USERS) {
            text.append(String.format(
                    "    %-32s %-10s %s%n",
                    user.email(), user.role().value(), user.organization().name()));
        }
        Optional<String> shown = password.printable(fresh);
        text.append("\n  Password for all demo users: ")
                .append(shown.orElse("(printed on the first run; see " + credentials.location() + ")"))
                .append("\n");
        // Printed to the console on purpose: this is the local run's welcome, not a log record.
        System.out.println(text);
    }
}
