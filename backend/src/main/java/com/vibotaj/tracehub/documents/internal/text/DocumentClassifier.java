package com.vibotaj.tracehub.documents.internal.text;

import java.util.List;

/**
 * Suggests document types from extracted text. Internal to documents: the only caller is the upload,
 * and a future implementation (an LLM) would live in this module too; make it public only when another
 * module needs to plug one in.
 */
public interface DocumentClassifier {

    /** Candidate types, best first; empty when nothing scores. */
    List<Suggestions.TypeScore> classify(String text);
}
