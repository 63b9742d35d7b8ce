package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.OrganizationType;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM organization WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<String> findName(UUID id) {
        return jdbc.sql("SELECT name FROM organization WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    void insert(UUID id, String name, OrganizationType type, @Nullable String countryCode) {
        jdbc.sql("INSERT INTO organization (id, name, type, country_code) VALUES (:id, :name, :type, :country)")
                .param("id", id)
                .param("name", name)
                .param("type", type.value())
                .param("country", countryCode)
                .update();
    }
}
