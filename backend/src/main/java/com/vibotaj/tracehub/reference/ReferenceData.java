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
    public List<Carrier> carriers() {
        return jdbc.sql("SELECT trim(scac) AS scac, name FROM carrier ORDER BY name")
                .query(Carrier.class)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Carrier> carrier(String scac) {
        return jdbc.sql("SELECT trim(scac) AS scac, name FROM carrier WHERE scac = :scac")
                .param("scac", scac)
                .query(Carrier.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<ProductType> productTypes() {
        return jdbc.sql("SELECT code, name, hs_headings, eudr_annex_i FROM product_type ORDER BY position")
                .query((rs, n) -> new ProductType(
                        rs.getString(1),
                        rs.getString(2),
                        java.util.Arrays.asList((String[]) rs.getArray(3).getArray()),
                        rs.getBoolean(4)))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<ProductType> productType(String code) {
        return productTypes().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    @Transactional(readOnly = true)
    public List<EventCode> eventCodes() {
        return jdbc.sql("SELECT code, family, description FROM dcsa_event_code ORDER BY family, code")
                .query(EventCode.class)
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
