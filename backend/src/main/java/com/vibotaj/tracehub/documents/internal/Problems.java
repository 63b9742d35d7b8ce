package com.vibotaj.tracehub.documents.internal;

import com.vibotaj.tracehub.platform.ConflictException;
import com.vibotaj.tracehub.platform.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The problems the documents API answers with (documented in docs/operations/documents.md). */
public final class Problems {

    private Problems() {}

    public static ProblemException tooLarge(long maxBytes) {
        return new Simple(
                HttpStatus.CONTENT_TOO_LARGE,
                "document-too-large",
                "Document too large",
                "The file is larger than the limit of " + (maxBytes / (1024 * 1024)) + " MB.");
    }

    public static ProblemException unsupportedType(String detected) {
        return new Simple(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-document-type",
                "Unsupported document type",
                "The file's content is " + detected
                        + "; only PDF, JPEG, PNG, TIFF, DOCX and XLSX documents are accepted (the file name does not"
                        + " count).");
    }

    public static ProblemException forbidden(String detail) {
        return new Simple(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ProblemException reasonRequired(String action) {
        return new Simple(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "document-reason-required",
                "Reason required",
                "A reason is required to " + action + " a document.");
    }

    public static ProblemException transitionRefused(String detail) {
        return new ConflictException("document-transition-refused", "Transition refused", detail);
    }

    public static ProblemException notEditable(String status) {
        return new ConflictException(
                "document-not-editable",
                "Document not editable",
                "Metadata can only be edited while a document is uploaded or under review; this one is " + status
                        + ".");
    }

    public static ProblemException blockingFindings(List<String> findings) {
        return new BlockingFindings(findings);
    }

    static final class Simple extends ProblemException {
        private static final long serialVersionUID = 1L;

        Simple(HttpStatus status, String kind, String title, String detail) {
            super(status, kind, title, detail);
        }
    }

    static final class BlockingFindings extends ConflictException {
        private static final long serialVersionUID = 1L;
        private final List<String> findings;

        BlockingFindings(List<String> findings) {
            super(
                    "document-blocking-findings",
                    "Blocking findings",
                    "The document cannot be approved while blocking findings are open: " + String.join("; ", findings));
            this.findings = List.copyOf(findings);
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("findings", findings);
        }
    }
}
