package com.vibotaj.tracehub.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The shipment-list query that shows a figure's members. Immutable: each {@code with} returns a new
 * query, so a base (buyer, product) can be shared by every figure.
 */
record ListQuery(List<String[]> params) {

    ListQuery {
        params = List.copyOf(params);
    }

    static ListQuery of(@Nullable UUID buyer, @Nullable String productType) {
        ListQuery q = new ListQuery(List.of());
        if (buyer != null) {
            q = q.with("buyer", buyer.toString());
        }
        if (productType != null) {
            q = q.with("productType", productType);
        }
        return q;
    }

    ListQuery with(String name, Object value) {
        List<String[]> next = new ArrayList<>(params);
        next.add(new String[] {name, value.toString()});
        return new ListQuery(next);
    }

    /** {@code name >= from AND name < to}, as the list's xFrom/xTo parameters. */
    ListQuery between(String name, Instant from, Instant to) {
        return with(name + "From", from).with(name + "To", to);
    }

    ListQuery between(String name, LocalDate from, LocalDate to) {
        return with(name + "From", from).with(name + "To", to);
    }

    String url() {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/api/shipments");
        for (String[] p : params) {
            b.queryParam(p[0], p[1]);
        }
        return b.encode().build().toUriString();
    }
}
