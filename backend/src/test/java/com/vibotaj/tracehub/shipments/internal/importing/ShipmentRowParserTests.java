package com.vibotaj.tracehub.shipments.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Partners.Partner;
import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.internal.importing.CsvShipmentReader.CsvRow;
import com.vibotaj.tracehub.shipments.internal.importing.ShipmentRowParser.ParsedRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShipmentRowParserTests {

    static final UUID HAMBURG = UUID.randomUUID();
    static final UUID ONDO = UUID.randomUUID();
    static final PartnerDirectory PARTNERS = PartnerDirectory.of(List.of(
            new Partner(HAMBURG, "Hamburg Cocoa Trading GmbH", OrganizationType.BUYER),
            new Partner(ONDO, "Ondo Farmers Cooperative", OrganizationType.SUPPLIER),
            new Partner(UUID.randomUUID(), "Twin Traders", OrganizationType.BUYER),
            new Partner(UUID.randomUUID(), "twin traders", OrganizationType.BUYER)));

    static List<CsvRow> read(String csv) {
        return CsvShipmentReader.read(csv.getBytes(StandardCharsets.UTF_8));
    }

    static ParsedRow parseOne(String header, String row) {
        return ShipmentRowParser.parse(read(header + "\n" + row + "\n").get(0), PARTNERS);
    }

    @Test
    void theTemplateReadsBackWithoutAnError() {
        List<CsvRow> rows = read(ShipmentImportTemplate.csv());
        assertThat(rows).hasSize(1);
        ParsedRow row = ShipmentRowParser.parse(rows.get(0), PARTNERS);
        assertThat(row.errors()).isEmpty();
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.reference()).isEqualTo("VIBO-2025-001");
        assertThat(row.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(row.fields().buyerOrganizationId()).isEqualTo(HAMBURG);
        assertThat(row.fields().supplierOrganizationIds()).containsExactly(ONDO);
        assertThat(row.fields().containers()).hasSize(2);
        assertThat(row.fields().etd()).isEqualTo(OffsetDateTime.parse("2025-03-01T00:00:00Z"));
        assertThat(row.fields().atd()).isEqualTo(OffsetDateTime.parse("2025-03-02T06:30:00Z"));
        assertThat(row.fields().productLines().get(0).grossWeightKg()).isEqualByComparingTo("49000.5");
        assertThat(row.fields().productLines().get(0).packages()).isEqualTo(768);
    }

    @Test
    void headersAreCaseInsensitiveInAnyOrderAndABomIsIgnored() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Product Type,REFERENCE,Status\ncocoa_beans,VIBO-1,Archived\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, bom.length);
        System.arraycopy(body, 0, csv, bom.length, body.length);
        ParsedRow row = ShipmentRowParser.parse(CsvShipmentReader.read(csv).get(0), PARTNERS);
        assertThat(row.errors()).isEmpty();
        assertThat(row.fields().productType()).isEqualTo("cocoa_beans");
        assertThat(row.status()).isEqualTo(ShipmentStatus.ARCHIVED);
    }

    @Test
    void rowsCarryTheirPhysicalLineAcrossQuotedLineBreaksAndBlankLines() {
        List<CsvRow> rows = read("reference,product_type,notes\r\n"
                + "A-1,cocoa_beans,\"two\r\nlines\"\r\n"
                + "\r\n"
                + ",,\r\n"
                + "A-2,cocoa_beans,\"say \"\"hi\"\"\"\r\n");
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 6L);
        assertThat(rows.get(0).values()).containsEntry(ImportColumn.NOTES, "two\r\nlines");
        assertThat(rows.get(1).values()).containsEntry(ImportColumn.NOTES, "say \"hi\"");
    }

    @Test
    void reportsBadDatesNumbersStatusAndPartnersUnderTheirColumns() {
        ParsedRow row = parseOne(
                "reference,product_type,buyer,suppliers,etd,eta,status,hs_code,description,net_weight_kg,packages",
                "X-1,cocoa_beans,Nobody GmbH,Ondo Farmers Cooperative;twin traders,2025-02-30,03/04/2025,sailing,"
                        + "1801,beans,\"24,000\",12.5");
        assertThat(row.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("buyer", "suppliers", "etd", "eta", "status", "net_weight_kg", "packages");
        assertThat(row.errors())
                .filteredOn(e -> e.field().equals("suppliers"))
                .extracting(FieldError::message)
                .containsExactly("\"twin traders\" names 2 partner organisations; use the id instead");
        assertThat(row.fields().supplierOrganizationIds()).containsExactly(ONDO);
        assertThat(row.fields().etd()).isNull();
    }

    @Test
    void requiresReferenceAndProductTypeAndBothHalvesOfAProductLine() {
        ParsedRow row = parseOne("reference,product_type,net_weight_kg", ",,100");
        assertThat(row.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("reference", "product_type", "hs_code", "description");
        assertThat(row.reference()).isNull();
        assertThat(row.fields().productLines().get(0).netWeightKg()).isEqualByComparingTo(BigDecimal.valueOf(100));
    }

    @Test
    void acceptsIdsForPartnersAndDateTimesWithOrWithoutOffset() {
        UUID unknown = UUID.randomUUID();
        ParsedRow row = parseOne(
                "reference,product_type,buyer,etd,eta",
                "X-2,cocoa_beans," + unknown + ",2025-03-01T08:00,2025-03-20T08:00+01:00");
        assertThat(row.errors()).isEmpty();
        assertThat(row.fields().buyerOrganizationId()).isEqualTo(unknown);
        assertThat(row.fields().etd()).isEqualTo(OffsetDateTime.parse("2025-03-01T08:00Z"));
        assertThat(row.fields().eta()).isEqualTo(OffsetDateTime.parse("2025-03-20T07:00Z"));
    }

    @Test
    void refusesTooLongValuesAndExtraValues() {
        ParsedRow row = parseOne("reference,product_type", "X-3,cocoa_beans,surplus");
        assertThat(row.errors()).extracting(FieldError::field).containsExactly("row");
        ParsedRow longOne = parseOne("reference,product_type,voyage", "X-4,cocoa_beans," + "9".repeat(21));
        assertThat(longOne.errors()).extracting(FieldError::message).containsExactly("must be at most 20 characters");
    }

    @Test
    void reportsOneErrorForAnOverlongReferenceAndRefusesWeightsTheDatabaseCannotStore() {
        ParsedRow row = parseOne(
                "reference,product_type,hs_code,description,net_weight_kg,gross_weight_kg",
                "R".repeat(41) + ",cocoa_beans,1801,beans,0.001,12345678901");
        assertThat(row.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("reference", "net_weight_kg", "gross_weight_kg");
    }

    @Test
    void unknownMissingAndRepeatedColumnsEndTheImport() {
        assertThatThrownBy(() -> read("reference,colour,product_type,Reference\n"))
                .isInstanceOfSatisfying(ImportFileProblem.class, p -> {
                    assertThat(p.getMessage())
                            .contains("Unknown columns: colour")
                            .contains("twice: reference");
                    assertThat(p.properties()).containsEntry("unknownColumns", List.of("colour"));
                });
        assertThatThrownBy(() -> read("reference;product_type\n"))
                .isInstanceOfSatisfying(
                        ImportFileProblem.class,
                        p -> assertThat(p.properties())
                                .containsEntry("missingColumns", List.of("reference", "product_type")));
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    }

    @Test
    void aBrokenQuoteNamesItsLine() {
        assertThatThrownBy(() -> read("reference,product_type\nA-1,cocoa_beans\nA-2,\"cocoa_beans\nA-3,x\n"))
                .isInstanceOfSatisfying(ImportFileProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(400);
                    assertThat(p.getMessage()).startsWith("Line 3: ");
                });
        assertThatThrownBy(() -> read("reference,product_type\nA-1,\"cocoa\"beans\n"))
                .hasMessageStartingWith("Line 2: ");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] latin1 = "reference,product_type\nCAF\u00c9-1,cocoa_beans\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvShipmentReader.read(latin1)).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> read("reference,product_type\nA\u0000,cocoa_beans\n"))
                .isInstanceOf(ImportFileProblem.class);
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        StringBuilder csv = new StringBuilder("reference,product_type\n");
        for (int i = 0; i <= CsvShipmentReader.MAX_ROWS; i++) {
            csv.append("R-").append(i).append(",cocoa_beans\n");
        }
        assertThatThrownBy(() -> read(csv.toString()))
                .isInstanceOfSatisfying(
                        ImportFileProblem.class,
                        p -> assertThat(p.status().value()).isEqualTo(413));
    }

    @Test
    void namesValidationFieldsByTheirColumns() {
        assertThat(ImportColumn.forApiField("productLines[0].netWeightKg")).isEqualTo("net_weight_kg");
        assertThat(ImportColumn.forApiField("supplierOrganizationIds[1]")).isEqualTo("suppliers");
        assertThat(ImportColumn.forApiField("containers[0].number")).isEqualTo("containers");
        assertThat(ImportColumn.forApiField("portOfDischarge")).isEqualTo("port_of_discharge");
        assertThat(ImportColumn.forApiField("buyerOrganizationId")).isEqualTo("buyer");
    }
}
