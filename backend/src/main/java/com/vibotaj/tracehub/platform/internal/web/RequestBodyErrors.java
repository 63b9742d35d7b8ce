package com.vibotaj.tracehub.platform.internal.web;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Explains an unreadable request body in the client's terms (which field, what was expected) without
 * echoing parser internals such as Java type names.
 */
final class RequestBodyErrors {

    private RequestBodyErrors() {}

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(unknown) + "'.";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' has an invalid value.";
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return "Field '" + path(mismatched) + "' has the wrong type.";
        }
        if (cause instanceof StreamReadException) {
            return "The request body is not valid JSON.";
        }
        if (cause == null) {
            return "The request body is missing.";
        }
        return "The request body could not be read.";
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
