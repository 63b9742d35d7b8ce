package com.vibotaj.tracehub.documents.internal.text;

import com.vibotaj.tracehub.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/** Reads a PDF's text (bounded) and turns it into suggestions; other content types suggest nothing. */
@Component
public class Suggester {

    private final DocumentClassifier classifier;
    private final ReferenceData reference;

    Suggester(DocumentClassifier classifier, ReferenceData reference) {
        this.classifier = classifier;
        this.reference = reference;
    }

    /** Suggestions from a PDF stream, spooled to a temporary file so PDFBox never holds it on the heap. */
    public Suggestions fromPdf(InputStream pdf, int maxPages, int maxChars) throws IOException {
        Path temp = Files.createTempFile("tracehub-extract-", ".pdf");
        try {
            Files.copy(pdf, temp, StandardCopyOption.REPLACE_EXISTING);
            return fromText(PdfText.extract(temp, maxPages, maxChars));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public Suggestions fromText(String text) {
        if (text.isBlank()) {
            return Suggestions.none();
        }
        return new Suggestions(
                classifier.classify(text),
                TextFacts.referenceNumbers(text),
                TextFacts.containerNumbers(text),
                TextFacts.hsCodes(text),
                TextFacts.ports(text, code -> reference.location(code).isPresent()),
                TextFacts.weightsKg(text));
    }
}
