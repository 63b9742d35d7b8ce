package com.vibotaj.tracehub.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Input that fails a rule the annotations cannot express; reported per field like bean validation. */
public class ValidationException extends ProblemException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }

    static String summary(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid.";
    }

    /** One invalid field: its JSON name and a message for the user. */
    public record FieldError(String field, String message) {}
}
