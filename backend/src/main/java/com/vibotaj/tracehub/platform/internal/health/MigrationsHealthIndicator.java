package com.vibotaj.tracehub.platform.internal.health;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ready only when every changeset this release ships is recorded as applied: an instance must not
 * take traffic on a schema older than its code expects (e.g. a failed or skipped migration).
 */
@Component("migrations")
class MigrationsHealthIndicator implements HealthIndicator {

    private final JdbcClient jdbc;
    private final Set<String> expected;

    /**
     * Reads the changelog location from configuration rather than Boot's Liquibase properties, which
     * do not exist when an instance runs with Liquibase disabled (migrations done as a deploy step).
     */
    MigrationsHealthIndicator(
            JdbcClient jdbc,
            @Value("${spring.liquibase.change-log:classpath:db/changelog/db.changelog-master.yaml}") String changeLog)
            throws LiquibaseException {
        this.jdbc = jdbc;
        this.expected = shippedChangeSets(changeLog);
    }

    @Override
    public Health health() {
        try {
            Set<String> missing = missing();
            if (missing.isEmpty()) {
                return Health.up().withDetail("changesets", expected.size()).build();
            }
            return Health.down().withDetail("pending", missing.size()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "changelog not readable").build();
        }
    }

    /** Changesets shipped but not applied. */
    Set<String> missing() {
        List<String> applied = jdbc.sql("SELECT id || '::' || author FROM databasechangelog")
                .query(String.class)
                .list();
        Set<String> missing = new HashSet<>(expected);
        applied.forEach(missing::remove);
        return missing;
    }

    private static Set<String> shippedChangeSets(String changeLog) throws LiquibaseException {
        String path = changeLog.replaceFirst("^classpath:", "");
        ResourceAccessor resources = new ClassLoaderResourceAccessor(MigrationsHealthIndicator.class.getClassLoader());
        DatabaseChangeLog log = ChangeLogParserFactory.getInstance()
                .getParser(path, resources)
                .parse(path, new ChangeLogParameters(), resources);
        Set<String> ids = new HashSet<>();
        for (ChangeSet changeSet : log.getChangeSets()) {
            ids.add(changeSet.getId() + "::" + changeSet.getAuthor());
        }
        return Set.copyOf(ids);
    }
}
