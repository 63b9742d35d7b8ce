package com.vibotaj.tracehub.identity;

import com.vibotaj.tracehub.platform.ValidationException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's settings (today: its EU TRACES registration number, which TRACES health
 * certificates must carry). Runs in the caller's tenant scope: an organisation reads and writes only
 * its own row, so compliance reads the owner's number while acting as the owner.
 */
@Service
public class OrganizationSettings {

    /** Same rule as the column's CHECK constraint. */
    private static final Pattern TRACES_NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9./-]{2,39}");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OrganizationSettings(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The settings an organisation has; {@code tracesNumber} null when not set. */
    public record Settings(@Nullable String tracesNumber) {}

    @Transactional(readOnly = true)
    public Optional<Settings> find(UUID organizationId) {
        return jdbc.sql("SELECT traces_number FROM organization WHERE id = :id")
                .param("id", organizationId)
                .query((rs, n) -> new Settings(rs.getString(1)))
                .optional();
    }

    /** The organisation's TRACES registration number, empty when not set (or not visible). */
    @Transactional(readOnly = true)
    public Optional<String> tracesNumber(UUID organizationId) {
        return find(organizationId).map(Settings::tracesNumber);
    }

    /** Replaces the settings; a blank TRACES number clears it. */
    @Transactional
    public Settings update(UUID organizationId, @Nullable String tracesNumber) {
        String normalised = tracesNumber == null || tracesNumber.isBlank()
                ? null
                : tracesNumber.strip().toUpperCase(Locale.ROOT).replace(' ', '-');
        if (normalised != null && !TRACES_NUMBER.matcher(normalised).matches()) {
            throw ValidationException.of(
                    "tracesNumber",
                    "must be 3 to 40 letters, digits, dots, slashes or dashes, as issued in TRACES"
                            + " (e.g. NG-TRACES-2026-0417)");
        }
        jdbc.sql("UPDATE organization SET traces_number = :traces, updated_at = now() WHERE id = :id")
                .param("traces", normalised)
                .param("id", organizationId)
                .update();
        events.publishEvent(new OrganizationSettingsChanged(organizationId));
        return new Settings(normalised);
    }
}
