package com.vibotaj.tracehub.eudr.internal;

import com.vibotaj.tracehub.eudr.internal.geojson.GeoJsonReport;
import com.vibotaj.tracehub.platform.ConflictException;
import com.vibotaj.tracehub.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The EUDR module's problem types (documented in docs/operations/eudr.md). */
public final class EudrProblems {

    private EudrProblems() {}

    public static ConflictException notApplicable(String productType) {
        return new ConflictException(
                "eudr-not-applicable",
                "EUDR not applicable",
                "EUDR does not apply to this shipment: its product (" + productType
                        + ") and its product lines' HS codes are outside Annex I of Regulation (EU) 2023/1115,"
                        + " so it takes no plot data or DDS reference.");
    }

    public static ConflictException amendWindowClosed(String until) {
        return new ConflictException(
                "dds-amend-window-closed",
                "DDS amendment window closed",
                "A due-diligence statement can be amended only within 72 hours of filing; this one was amendable until "
                        + until + ". File a new statement and record its reference instead.");
    }

    /** The caller sees the shipment but its organisation or role may not do this. */
    public static ProblemException forbidden(String detail) {
        return new Forbidden(detail);
    }

    /** The plots fail the EU Information System's checks; the report says where and what can be repaired. */
    public static ProblemException invalidGeoJson(GeoJsonReport report) {
        return new GeoJsonRejected(report);
    }

    static final class Forbidden extends ProblemException {
        private static final long serialVersionUID = 1L;

        Forbidden(String detail) {
            super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
        }
    }

    static final class GeoJsonRejected extends ProblemException {
        private static final long serialVersionUID = 1L;
        private final transient GeoJsonReport report;

        GeoJsonRejected(GeoJsonReport report) {
            super(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "eudr-geojson-invalid",
                    "Invalid plot geolocation",
                    "The GeoJSON has " + errors(report)
                            + " error(s) the EU Information System would reject; nothing was saved."
                            + (report.repaired() != null ? " Some can be repaired: resend with acceptRepairs." : "")
                            + (report.issues().isEmpty()
                                    ? ""
                                    : " First: " + report.issues().get(0).message()));
            this.report = report;
        }

        private static long errors(GeoJsonReport report) {
            return report.issues().stream()
                    .filter(i -> i.severity().equals(GeoJsonReport.ERROR))
                    .count();
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("issues", report.issues(), "repairs", report.repairs());
        }
    }
}
