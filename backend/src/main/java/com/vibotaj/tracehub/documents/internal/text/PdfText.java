package com.vibotaj.tracehub.documents.internal.text;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Extracts text from a PDF file with bounded memory: PDFBox caches streams in temporary files rather
 * than on the heap, only the first {@code maxPages} pages are read and the text is cut at
 * {@code maxChars}. A damaged or encrypted PDF yields no text rather than a failed upload.
 */
public final class PdfText {

    private PdfText() {}

    public static String extract(Path pdf, int maxPages, int maxChars) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (document.isEncrypted()) {
                return "";
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(Math.min(maxPages, document.getNumberOfPages()));
            String text = stripper.getText(document);
            return text.length() > maxChars ? text.substring(0, maxChars) : text;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
