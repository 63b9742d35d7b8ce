package com.vibotaj.tracehub.documents.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.documents.internal.demo.SimplePdf;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFactsTests {

    @TempDir
    Path dir;

    String extracted(List<String> lines, int maxPages, int maxChars) throws Exception {
        Path pdf = dir.resolve("doc.pdf");
        Files.write(pdf, SimplePdf.of(lines));
        return PdfText.extract(pdf, maxPages, maxChars);
    }

    @Test
    void findsContainerNumbersOnlyWithAValidCheckDigit() {
        assertThat(TextFacts.containerNumbers("Containers: CSQU3054383, CSQU 305438-3, MSKU1234565, MSKU1234560"))
                .containsExactly("CSQU3054383", "MSKU1234565");
    }

    @Test
    void findsHsCodesWeightsReferencesAndKnownPorts() {
        String text = "Invoice No: INV-2026-0042\nHS code: 1801.00 cocoa; H.S. 0506 90\n"
                + "Net weight 24,000 kg, gross 24.5 MT, tare 2200kgs\nPort of loading NGAPP, discharge DE HAM, XXABC";
        assertThat(TextFacts.hsCodes(text)).containsExactly("180100", "050690");
        assertThat(TextFacts.weightsKg(text))
                .containsExactly(new BigDecimal("24000"), new BigDecimal("24500"), new BigDecimal("2200"));
        assertThat(TextFacts.referenceNumbers(text)).contains("INV-2026-0042");
        assertThat(TextFacts.ports(text, Set.of("NGAPP", "DEHAM")::contains)).containsExactly("NGAPP", "DEHAM");
    }

    @Test
    void ignoresTextWithoutFacts() {
        String text = "Dear customer, thank you for your order.";
        assertThat(TextFacts.containerNumbers(text)).isEmpty();
        assertThat(TextFacts.hsCodes(text)).isEmpty();
        assertThat(TextFacts.weightsKg(text)).isEmpty();
        assertThat(TextFacts.referenceNumbers(text)).isEmpty();
    }

    @Test
    void capsEachListSoALongDocumentCannotFloodTheSuggestions() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append(i + 100).append(" kg\n");
        }
        assertThat(TextFacts.weightsKg(text.toString())).hasSize(TextFacts.LIMIT);
    }

    @Test
    void classifiesGeneratedPdfsByTheirKeywords() throws Exception {
        KeywordClassifier classifier = new KeywordClassifier();
        String bl = extracted(
                List.of(
                        "BILL OF LADING",
                        "Shipper: Ogun Valley",
                        "Consignee: Hamburg Cocoa",
                        "Notify party: same",
                        "Port of loading: Apapa",
                        "Shipped on board"),
                20,
                10_000);
        assertThat(classifier.classify(bl).get(0).code()).isEqualTo("bill_of_lading");
        assertThat(classifier.classify(bl).get(0).score()).isEqualTo(1.0);
        String vet = extracted(
                List.of(
                        "VETERINARY HEALTH CERTIFICATE",
                        "Animal by-products for export",
                        "Official veterinarian: Dr A. Bello"),
                20,
                10_000);
        assertThat(classifier.classify(vet).get(0).code()).isEqualTo("veterinary_health_certificate");
        assertThat(classifier.classify("lorem ipsum dolor")).isEmpty();
    }

    @Test
    void extractionStopsAtThePageAndCharacterCaps() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 48 * 5; i++) {
            lines.add("line " + i + " of page " + (i / 48 + 1));
        }
        String firstTwoPages = extracted(lines, 2, 1_000_000);
        assertThat(firstTwoPages).contains("of page 2").doesNotContain("of page 3");
        assertThat(extracted(lines, 20, 100)).hasSize(100);
    }

    @Test
    void aDamagedPdfYieldsNoTextInsteadOfFailing() throws Exception {
        Path broken = dir.resolve("broken.pdf");
        Files.writeString(broken, "%PDF-1.7\n this is not really a pdf");
        assertThat(PdfText.extract(broken, 20, 1000)).isEmpty();
    }
}
