package com.vibotaj.tracehub.reference;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to global reference data for other modules and the API. The tables are the same for
 * every organisation and only migrations write them.
 */
@Service
public class ReferenceData {

    private final JdbcClient jdbc;

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Country> countries() {
        return jdbc.sql(
                        "SELECT code, name, eu_member, eudr_risk, risk_source, risk_effective FROM country ORDER BY name")
                .query(Country.class)
                .list();
    }

    @Transactional(readOnly = true)
    public List<Location> locations() {
        return jdbc.sql(
                        "SELECT unlocode, country_code, name, kind, latitude, longitude FROM location ORDER BY unlocode")
                .query(Location.class)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Location> location(String unlocode) {
        return jdbc.sql(
                        "SELECT unlocode, country_code, name, kind, latitude, longitude FROM location WHERE unlocode = :code")
                .param("code", unlocode)
                .query(Location.class)
                .optional();
    }
}
