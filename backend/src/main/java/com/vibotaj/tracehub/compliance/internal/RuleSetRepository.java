package com.vibotaj.tracehub.compliance.internal;

import com.vibotaj.tracehub.compliance.internal.rules.RuleCatalogue;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads rule sets (global reference data) from the compliance_* tables. */
@Repository
public class RuleSetRepository {

    private final JdbcClient jdbc;

    RuleSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A rule set's heading, for the listing. */
    public record Summary(
            String version,
            LocalDate effectiveFrom,
            String source,
            @Nullable String notes) {}

    @Transactional(readOnly = true)
    public List<Summary> summaries() {
        return jdbc.sql("SELECT version, effective_from, source, notes FROM compliance_rule_set"
                        + " ORDER BY effective_from DESC, version DESC")
                .query((rs, n) -> new Summary(
                        rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The rule set in force on the date: the latest whose effective date has come. */
    @Transactional(readOnly = true)
    public RuleSet current(LocalDate on) {
        String version = jdbc.sql("SELECT version FROM compliance_rule_set WHERE effective_from <= :on"
                        + " ORDER BY effective_from DESC, version DESC LIMIT 1")
                .param("on", on)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("No compliance rule set is in force on " + on));
        return load(version).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSet> load(String version) {
        Optional<Summary> summary =
                summaries().stream().filter(s -> s.version().equals(version)).findFirst();
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Map<String, RuleSet.Product> products = new HashMap<>();
        jdbc.sql("SELECT product_type, hs_headings, regimes, moisture_limit_percent FROM compliance_product"
                        + " WHERE rule_set_version = :v")
                .param("v", version)
                .query(rs -> {
                    products.put(
                            rs.getString(1),
                            new RuleSet.Product(
                                    rs.getString(1),
                                    strings(rs.getArray(2)),
                                    new LinkedHashSet<>(strings(rs.getArray(3))),
                                    rs.getObject(4, BigDecimal.class)));
                });
        List<RuleSet.RequiredDocument> required = jdbc.sql(
                        "SELECT product_type, destination, document_type, position FROM compliance_required_document"
                                + " WHERE rule_set_version = :v ORDER BY product_type, destination, position")
                .param("v", version)
                .query((rs, n) ->
                        new RuleSet.RequiredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
        Map<String, Set<String>> rules = new HashMap<>();
        jdbc.sql("SELECT rule_id, document_types FROM compliance_rule WHERE rule_set_version = :v")
                .param("v", version)
                .query(rs -> {
                    String id = rs.getString(1);
                    if (RuleCatalogue.find(id).isEmpty()) {
                        // Data naming a rule the code does not have would silently check nothing.
                        throw new IllegalStateException("Rule set " + version + " names unknown rule " + id);
                    }
                    rules.put(id, Set.copyOf(strings(rs.getArray(2))));
                });
        Map<String, String> parameters = new HashMap<>();
        jdbc.sql("SELECT key, value FROM compliance_parameter WHERE rule_set_version = :v")
                .param("v", version)
                .query(rs -> {
                    parameters.put(rs.getString(1), rs.getString(2));
                });
        Summary s = summary.get();
        return Optional.of(new RuleSet(
                s.version(), s.effectiveFrom(), s.source(), s.notes(), products, required, rules, parameters));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(String.class::cast)
                .toList();
    }
}
