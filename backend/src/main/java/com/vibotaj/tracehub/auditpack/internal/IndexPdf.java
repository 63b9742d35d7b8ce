package com.vibotaj.tracehub.auditpack.internal;

import com.vibotaj.tracehub.auditpack.internal.PackSource.PackDocument;
import com.vibotaj.tracehub.compliance.ComplianceEvaluation;
import com.vibotaj.tracehub.compliance.ComplianceOverride;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.eudr.EudrAssessment;
import com.vibotaj.tracehub.eudr.EudrEvidence;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.tracking.TrackingHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;

/**
 * The pack's index.pdf, written with PDFBox. Deterministic: no creation or modification date, and the
 * trailer's document id is derived from a digest of the data (the metadata and tracking JSON), so the
 * same data gives the same bytes. Text uses the standard Helvetica (not embedded); characters it cannot
 * encode are shown as '?'.
 */
final class IndexPdf {

    private static final float MARGIN = 50;
    private static final float SIZE = 9;
    private static final float LEADING = 12;

    private IndexPdf() {}

    /** @param fingerprint a digest of the data the pack shows; it becomes the PDF's document id */
    static byte[] render(PackSource s, byte[] fingerprint) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            byte[] id = Arrays.copyOf(sha256(fingerprint), 16);
            pdf.setDocumentId(ByteBuffer.wrap(id).getLong());
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Audit pack " + s.facts().reference());
            info.setSubject("Shipment " + s.facts().id());
            info.setProducer("TraceHub");
            pdf.setDocumentInformation(info);
            try (Layout layout = new Layout(pdf)) {
                write(layout, s);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the audit pack index", e);
        }
    }

    private static void write(Layout l, PackSource s) throws IOException {
        ShipmentFacts.Facts facts = s.facts();
        ShipmentFields f = s.fields();
        l.title("Audit pack - " + facts.reference());
        l.line("Shipment " + facts.id() + ", status " + facts.status().value() + ", product type " + f.productType());
        if (s.missingCount() > 0) {
            l.bold("INCOMPLETE PACK: " + s.missingCount() + " current document(s) are MISSING from storage"
                    + " (see section 6; each has a .MISSING.txt entry in place of its file).");
        }

        l.heading("1. Shipment details");
        l.pair("Reference", f.reference());
        l.pair("Status", facts.status().value());
        l.pair("Bill of lading", f.billOfLading());
        l.pair("Booking reference", f.bookingReference());
        l.pair("Carrier", join(f.carrierName(), f.carrierScac()));
        l.pair("Vessel / voyage", join(f.vesselName(), f.voyage()));
        l.pair("Port of loading", f.portOfLoading());
        l.pair("Port of discharge", f.portOfDischarge());
        l.pair("Final destination", f.finalDestination());
        l.pair("Incoterms", f.incoterms());
        l.pair("ETD / ATD", join(str(f.etd()), str(f.atd())));
        l.pair("ETA / ATA", join(str(f.eta()), str(f.ata())));
        for (ShipmentFields.ContainerLine c : f.containers()) {
            l.pair(
                    "Container",
                    c.number()
                            + (c.isoType() == null ? "" : " " + c.isoType())
                            + (c.sealNumber() == null ? "" : ", seal " + c.sealNumber())
                            + (c.grossWeightKg() == null ? "" : ", gross " + kg(c.grossWeightKg())));
        }

        l.heading("2. Products");
        if (f.productLines().isEmpty()) {
            l.line("No product lines.");
        }
        int position = 1;
        for (ShipmentFields.ProductLine p : f.productLines()) {
            l.line(position++ + ". HS " + p.hsCode() + " - " + p.description()
                    + (p.netWeightKg() == null ? "" : ", net " + kg(p.netWeightKg()))
                    + (p.grossWeightKg() == null ? "" : ", gross " + kg(p.grossWeightKg()))
                    + (p.packages() == null ? "" : ", " + p.packages() + " " + nz(p.packagingType()))
                    + (p.containerNumber() == null ? "" : ", container " + p.containerNumber()));
        }

        l.heading("3. Parties");
        l.pair("Exporter", join(f.exporterName(), f.exporterAddress()));
        l.pair("Importer", join(f.importerName(), f.importerAddress()));
        l.pair("Owner organisation", facts.organizationId().toString());
        l.pair("Buyer organisation", str(f.buyerOrganizationId()));
        f.supplierOrganizationIds().forEach(id -> l.pairUnchecked("Supplier organisation", id.toString()));
        f.logisticsOrganizationIds().forEach(id -> l.pairUnchecked("Forwarder organisation", id.toString()));

        ComplianceEvaluation e = s.evaluation();
        l.heading("4. Requirement checklist");
        for (ComplianceEvaluation.Requirement r : e.requirements()) {
            l.line("[" + r.state().value().toUpperCase(java.util.Locale.ROOT) + "] " + r.documentType()
                    + (r.version() == null ? "" : " v" + r.version()) + " - " + r.message());
        }

        l.heading("5. Compliance result");
        l.pair("Overall", e.overall().value());
        l.pair("Rule-set version", e.ruleSetVersion());
        l.pair("Evaluated at", e.evaluatedAt().toString());
        for (ComplianceEvaluation.Regime r : e.regimes()) {
            l.pair("Regime " + r.code(), r.status().value());
        }
        for (ComplianceEvaluation.Finding finding : e.findings()) {
            l.line(finding.severity().value() + " " + finding.ruleId() + ": " + finding.message()
                    + (finding.overrideId() == null ? "" : " [OVERRIDDEN: " + finding.overrideReason() + "]"));
        }
        l.subheading("Overrides");
        if (s.overrides().isEmpty()) {
            l.line("None.");
        }
        for (ComplianceOverride o : s.overrides()) {
            l.line("Override " + o.ruleId() + (o.documentId() == null ? "" : " on document " + o.documentId())
                    + " by " + o.createdBy() + " at " + o.createdAt() + ": " + o.reason()
                    + (o.revokedAt() == null
                            ? " (active)"
                            : " (revoked " + o.revokedAt() + " by " + o.revokedBy() + ")"));
        }

        l.heading("6. Documents in this pack");
        if (s.documents().isEmpty()) {
            l.line("No current (approved) documents.");
        }
        for (PackDocument d : s.documents()) {
            ShipmentDocument doc = d.document();
            String line = d.entryName() + " - " + doc.type() + " v" + doc.version() + ", "
                    + doc.status().value() + ", " + doc.sizeBytes() + " bytes, uploaded " + doc.uploadedAt()
                    + ", sha256 " + doc.sha256();
            if (d.missing()) {
                l.bold("MISSING from storage: " + line);
            } else {
                l.line(line);
            }
        }
        if (!s.otherVersions().isEmpty()) {
            l.line(s.otherVersions().size() + " other version(s) (superseded, rejected, in review) are listed in"
                    + " metadata.json without their files.");
        }

        l.heading("7. Tracking history");
        if (s.events().isEmpty()) {
            l.line("No tracking events.");
        }
        for (TrackingHistory.Event ev : s.events()) {
            l.line(ev.eventTime() + " " + ev.containerNumber() + " " + nz(ev.dcsaCode()) + " (" + ev.providerCode()
                    + ", " + ev.classifier() + ") " + nz(ev.unlocode()) + " " + nz(ev.locationName())
                    + (ev.vesselName() == null ? "" : " " + ev.vesselName() + " " + nz(ev.voyage()))
                    + (ev.derived() ? " [derived]" : "") + (ev.retracted() ? " [retracted]" : ""));
        }

        EudrEvidence eudr = s.eudr();
        if (eudr != null) {
            EudrAssessment a = eudr.assessment();
            l.heading("8. EUDR (Regulation (EU) 2023/1115)");
            l.pair("Assessment", a.status());
            l.pair("Risk level", a.riskLevel());
            for (EudrAssessment.ChecklistItem i : a.checklist()) {
                l.line("[" + i.state().toUpperCase(java.util.Locale.ROOT) + "] " + i.code() + " - " + i.message());
            }
            l.pair("Plots", eudr.plots().size() + " (geometries in eudr/plots.geojson)");
            for (EudrEvidence.Plot p : eudr.plots()) {
                l.line("Plot " + p.id() + ": " + nz(p.producerName()) + " " + nz(p.producerCountry()) + " "
                        + nz(p.productionPlace()) + ", " + p.geometryType() + ", " + p.computedAreaHa() + " ha");
            }
            for (EudrEvidence.DdsReference d : eudr.ddsReferences()) {
                l.line("DDS " + d.referenceNumber() + " / " + d.verificationNumber() + " filed " + d.filedAt());
            }
        }

        l.heading("Verification");
        l.line("MANIFEST.sha256 lists the SHA-256 of every other entry; check with: sha256sum -c MANIFEST.sha256");
    }

    private static String kg(BigDecimal value) {
        return value.toPlainString() + " kg";
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String str(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    private static @Nullable String join(@Nullable String a, @Nullable String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " / " + b;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines of text flowing over A4 pages, wrapped to the width. */
    private static final class Layout implements AutoCloseable {

        private final PDDocument pdf;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final Map<Character, Boolean> encodable = new HashMap<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private @Nullable PDPageContentStream content;
        private float y;

        Layout(PDDocument pdf) {
            this.pdf = pdf;
        }

        void title(String text) throws IOException {
            write(text, bold, 14, 20);
        }

        void heading(String text) throws IOException {
            space(6);
            write(text, bold, 11, 16);
        }

        void subheading(String text) throws IOException {
            write(text, bold, SIZE, LEADING);
        }

        void bold(String text) throws IOException {
            write(text, bold, SIZE, LEADING);
        }

        void line(String text) throws IOException {
            write(text, regular, SIZE, LEADING);
        }

        void pair(String label, @Nullable String value) throws IOException {
            line(label + ": " + (value == null || value.isBlank() ? "-" : value));
        }

        void pairUnchecked(String label, String value) {
            try {
                pair(label, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void space(float points) {
            y -= points;
        }

        private void write(String text, PDType1Font font, float size, float leading) throws IOException {
            for (String line : wrap(clean(text, font), font, size)) {
                if (content == null || y - leading < MARGIN) {
                    page();
                }
                y -= leading;
                PDPageContentStream c = content;
                c.beginText();
                c.setFont(font, size);
                c.newLineAtOffset(MARGIN, y);
                c.showText(line);
                c.endText();
            }
        }

        private void page() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            content = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private List<String> wrap(String text, PDType1Font font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                // A single word wider than the line (a hash, an id list) is cut into pieces.
                String rest = word;
                while (font.getStringWidth(rest) / 1000 * size > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                current.append(rest);
            }
            lines.add(current.toString());
            return lines;
        }

        /** Replaces control characters with spaces and what Helvetica cannot encode with '?'. */
        private String clean(String text, PDType1Font font) {
            StringBuilder b = new StringBuilder(text.length());
            for (char ch : text.toCharArray()) {
                if (Character.isISOControl(ch)) {
                    b.append(' ');
                } else if (encodable.computeIfAbsent(ch, c -> canEncode(font, c))) {
                    b.append(ch);
                } else {
                    b.append('?');
                }
            }
            return b.toString();
        }

        private static boolean canEncode(PDType1Font font, char c) {
            try {
                font.encode(String.valueOf(c));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }
}
