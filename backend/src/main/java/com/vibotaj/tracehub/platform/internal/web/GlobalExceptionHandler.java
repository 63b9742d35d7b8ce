package com.vibotaj.tracehub.platform.internal.web;

import com.vibotaj.tracehub.platform.ProblemException;
import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into RFC 9457 problem+json with a stable {@code type}, a {@code detail} written
 * for the user and the request id. Nothing from the exception's internals (class names, SQL, stack
 * traces) is ever copied into a response; unexpected failures are logged with the request id instead.
 */
@RestControllerAdvice
class GlobalExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(e.type());
        problem.setTitle(e.title());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).headers(e.headers()).body(Problems.withRequestId(problem));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> handleAccessDenied(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(
                        HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this action."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "has an invalid value";
        return validation(List.of(new FieldError(e.getName(), message)));
    }

    /** Method validation outside MVC's own (e.g. a validated service) still reports per field. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return validation(errors);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "server-error",
                        "Internal error",
                        "Something went wrong on our side. Quote the request id when you report it."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(
                        f.getField(), f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage()))
                .toList();
        return asObject(validation(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(
                                r.getMethodParameter().getParameterName() == null
                                        ? "parameter"
                                        : r.getMethodParameter().getParameterName(),
                                err.getDefaultMessage() == null ? "is invalid" : err.getDefaultMessage())))
                .toList();
        return asObject(validation(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", RequestBodyErrors.describe(e));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Framework exceptions (404, 405, 415, ...) keep their status but get our type and a plain detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : null;
        if (e instanceof NoResourceFoundException missing) {
            detail = "There is no endpoint " + missing.getHttpMethod() + " /" + missing.getResourcePath() + ".";
        }
        if (e instanceof ErrorResponse errorResponse && detail == null) {
            detail = errorResponse.getBody().getDetail();
        }
        ProblemDetail problem = Problems.of(
                status,
                Problems.kindFor(status),
                titleFor(status),
                detail == null ? "The request could not be processed." : detail);
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static ResponseEntity<ProblemDetail> validation(List<FieldError> errors) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Invalid request",
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String titleFor(HttpStatusCode status) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        if (resolved == null) {
            return "Error";
        }
        String phrase = resolved.getReasonPhrase().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> asObject(ResponseEntity<?> response) {
        return (ResponseEntity<Object>) response;
    }
}
