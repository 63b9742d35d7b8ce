package com.vibotaj.tracehub.compliance.internal.rules;

import java.util.Locale;

/** Document type codes the rules name, and how to say them in a message. */
public final class DocumentTypes {

    public static final String BILL_OF_LADING = "bill_of_lading";
    public static final String COMMERCIAL_INVOICE = "commercial_invoice";
    public static final String PACKING_LIST = "packing_list";
    public static final String CERTIFICATE_OF_ORIGIN = "certificate_of_origin";
    public static final String PHYTOSANITARY_CERTIFICATE = "phytosanitary_certificate";
    public static final String FUMIGATION_CERTIFICATE = "fumigation_certificate";
    public static final String VETERINARY_HEALTH_CERTIFICATE = "veterinary_health_certificate";
    public static final String EU_TRACES_CERTIFICATE = "eu_traces_certificate";
    public static final String QUALITY_CERTIFICATE = "quality_certificate";

    private DocumentTypes() {}

    /** "bill_of_lading" → "Bill of lading"; good enough for messages without a reference-data lookup. */
    public static String label(String type) {
        String words = type.replace('_', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
