package com.vibotaj.tracehub.documents.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.Tika;

/**
 * Detects a document's content type from its bytes, never from its name. tika-core recognises PDF and
 * images by their magic numbers but sees every Office Open XML file only as a zip; DOCX and XLSX are
 * told apart here by the main part declared in the package's {@code [Content_Types].xml}, which is
 * what Office itself reads.
 */
public final class ContentTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String TIFF = "image/tiff";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static final Set<String> ALLOWED = Set.of(PDF, JPEG, PNG, TIFF, DOCX, XLSX);

    private static final Tika TIKA = new Tika();
    private static final int MAX_CONTENT_TYPES_BYTES = 256 * 1024;
    private static final int MAX_ENTRIES_SCANNED = 2000;

    private ContentTypes() {}

    /** The detected type of the bytes the supplier opens (it is opened twice for zip containers). */
    public static String detect(IoSupplier content) throws IOException {
        String detected;
        try (InputStream in = new BufferedInputStream(content.open())) {
            // No name is passed: the client's name must not influence the decision.
            detected = TIKA.detect(in);
        }
        if (detected.equals("application/zip") || detected.equals("application/x-tika-ooxml")) {
            try (InputStream in = content.open()) {
                return ooxml(in);
            }
        }
        return detected;
    }

    private static String ooxml(InputStream in) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            int scanned = 0;
            while ((entry = zip.getNextEntry()) != null && scanned++ < MAX_ENTRIES_SCANNED) {
                if (entry.getName().equals("[Content_Types].xml")) {
                    String types = new String(zip.readNBytes(MAX_CONTENT_TYPES_BYTES), StandardCharsets.UTF_8);
                    if (types.contains("wordprocessingml.document.main+xml")) {
                        return DOCX;
                    }
                    if (types.contains("spreadsheetml.sheet.main+xml")) {
                        return XLSX;
                    }
                    return "application/x-tika-ooxml";
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return "application/zip";
        }
        return "application/zip";
    }

    /** Opens the content anew each time. */
    @FunctionalInterface
    public interface IoSupplier {
        InputStream open() throws IOException;
    }

    /** The extension the content type is known by, for a download name. */
    public static String extension(String contentType) {
        return switch (contentType) {
            case PDF -> ".pdf";
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case TIFF -> ".tif";
            case DOCX -> ".docx";
            case XLSX -> ".xlsx";
            default -> "";
        };
    }
}
