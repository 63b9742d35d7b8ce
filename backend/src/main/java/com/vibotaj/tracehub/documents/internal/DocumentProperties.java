package com.vibotaj.tracehub.documents.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the documents module.
 *
 * @param maxSize the largest accepted file; the servlet multipart limit must be at least this
 * @param extraction how much of a PDF is read for suggestions
 */
@ConfigurationProperties("tracehub.documents")
public record DocumentProperties(DataSize maxSize, Extraction extraction) {

    /**
     * @param maxPages pages read from the start of a PDF
     * @param maxChars characters of text kept
     */
    public record Extraction(int maxPages, int maxChars) {}
}
