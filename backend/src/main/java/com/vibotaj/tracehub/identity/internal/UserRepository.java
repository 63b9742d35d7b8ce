package com.vibotaj.tracehub.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** User rows; what each query sees is decided by the row-level security policies. */
@Repository
class UserRepository {

    private static final String COLUMNS = "id, email, full_name, password_hash, created_at, last_login_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE email = :email")
                .param("email", email)
                .query(UserRepository::map)
                .optional();
    }

    Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    void insert(UUID id, String email, String fullName, String passwordHash) {
        jdbc.sql("INSERT INTO app_user (id, email, full_name, password_hash) VALUES (:id, :email, :name, :hash)")
                .param("id", id)
                .param("email", email)
                .param("name", fullName)
                .param("hash", passwordHash)
                .update();
    }

    void recordLogin(UUID id) {
        jdbc.sql("UPDATE app_user SET last_login_at = now() WHERE id = :id")
                .param("id", id)
                .update();
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash, updated_at = now() WHERE id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime lastLogin = rs.getObject("last_login_at", OffsetDateTime.class);
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("full_name"),
                rs.getString("password_hash"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                lastLogin == null ? null : lastLogin.toInstant());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
