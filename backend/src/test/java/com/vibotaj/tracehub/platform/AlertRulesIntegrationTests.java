package com.vibotaj.tracehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.vibotaj.tracehub.support.IntegrationTest;
import com.vibotaj.tracehub.support.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus alerting rules (ops/monitoring/alert-rules.yml) may only name metrics the application
 * really exposes: a rule on a misspelt or removed metric never fires, and nobody notices. Every
 * tracehub_*, http_server_requests* and hikaricp_* name in an expression must be in a scrape of
 * /actuator/prometheus, and every exact label match on it (outcome="failed") must match a series.
 */
@IntegrationTest
class AlertRulesIntegrationTests {

    private static final Path RULES = Path.of("..", "ops", "monitoring", "alert-rules.yml");
    private static final String METRICS_PASSWORD = "test-metrics-password";
    private static final Pattern APP_METRIC = Pattern.compile(
            "\\b(tracehub_[a-z0-9_]+|http_server_requests[a-z0-9_]*|hikaricp_[a-z0-9_]+)\\b(\\{[^}]*})?");
    private static final Pattern LABEL_MATCHER = Pattern.compile("([a-z_]+)\\s*(=~|!=|!~|=)\\s*\"([^\"]*)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    private String scrape;

    @BeforeEach
    void scrape() throws Exception {
        // One request first: HTTP server metrics describe requests that completed.
        mvc.perform(get("/health")).andExpect(status().isOk());
        scrape = mvc.perform(get("/actuator/prometheus").header("Authorization", basic("metrics", METRICS_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void everyRuleIsComplete() throws Exception {
        List<Map<String, Object>> rules = rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        Set<String> names = new LinkedHashSet<>();
        for (Map<String, Object> rule : rules) {
            assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
            assertThat(names.add((String) rule.get("alert")))
                    .as("alert names are unique: %s", rule.get("alert"))
                    .isTrue();
            assertThat(map(rule.get("labels")).get("severity"))
                    .as("severity of %s", rule.get("alert"))
                    .isIn("critical", "warning");
            assertThat(map(rule.get("annotations"))).containsKey("summary");
        }
    }

    @Test
    void everyApplicationMetricOfTheRulesIsExposed() throws Exception {
        Set<String> checked = new LinkedHashSet<>();
        for (Map<String, Object> rule : rules()) {
            String expr = (String) rule.get("expr");
            Matcher m = APP_METRIC.matcher(expr);
            while (m.find()) {
                String metric = m.group(1);
                checked.add(metric);
                assertThat(series(metric))
                        .as("%s (alert %s) is not in /actuator/prometheus", metric, rule.get("alert"))
                        .isNotEmpty();
                if (m.group(2) == null) {
                    continue;
                }
                Matcher label = LABEL_MATCHER.matcher(m.group(2));
                while (label.find()) {
                    if (!label.group(2).equals("=")) {
                        continue; // regular expressions and negations match absent values too
                    }
                    String pair = label.group(1) + "=\"" + label.group(3) + "\"";
                    assertThat(series(metric))
                            .as("no series %s{%s} (alert %s)", metric, pair, rule.get("alert"))
                            .anyMatch(line -> line.contains(pair));
                }
            }
        }
        // The rules cover what the operations spec asks to alert on; each of these must stay in them.
        assertThat(checked)
                .contains(
                        "tracehub_events_outstanding",
                        "tracehub_events_failed",
                        "tracehub_audit_write_failures_total",
                        "tracehub_audit_pack_missing_documents_total",
                        "tracehub_tracking_polls_total",
                        "tracehub_tracking_webhooks_total",
                        "http_server_requests_seconds_count",
                        "hikaricp_connections_pending");
    }

    @Test
    void aRejectedWebhookDeliveryIsCounted() throws Exception {
        TestData.Org org = data.organization("exporter");
        String rejected = "outcome=\"rejected\"";
        double before = value("tracehub_tracking_webhooks_total", rejected);
        mvc.perform(post("/api/public/webhooks/vizion/" + org.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        scrape();
        assertThat(value("tracehub_tracking_webhooks_total", rejected)).isEqualTo(before + 1);
    }

    /** The sum of the samples of a metric whose labels contain the given pair. */
    private double value(String metric, String label) {
        return series(metric).stream()
                .filter(line -> line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The sample lines of a metric in the scrape (comments excluded). */
    private List<String> series(String metric) {
        List<String> lines = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                lines.add(line);
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws Exception {
        Map<String, Object> document = new Yaml().load(Files.readString(RULES));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
