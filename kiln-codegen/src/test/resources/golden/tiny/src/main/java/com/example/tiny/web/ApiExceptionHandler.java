package com.example.tiny.web;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error to RFC 9457 application/problem+json. Framework exceptions are handled by
 * {@link ResponseEntityExceptionHandler}; the overrides below add per-field {@code errors} and
 * make sure no input, SQL or exception text is echoed back.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    // ---- 400: bean validation of @RequestBody and @ModelAttribute (query params) -------------

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Validation failed", errors(ex.getBindingResult()));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                .forEach(error -> errors.add(new FieldMessage(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Validation failed", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Thrown by {@link MergePatcher} when the patched document violates constraints. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldMessage> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldMessage(v.getPropertyPath().toString(), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Validation failed", errors);
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    // ---- 400: unreadable body / wrong types ----------------------------------------------

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Malformed JSON request body", List.of());
        Throwable cause = ex.getCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            body.setDetail("Invalid value in request body");
            body.setProperty("errors", List.of(new FieldMessage(path(mismatch.getPath()),
                    describe(mismatch.getTargetType()))));
        }
        else if (cause instanceof StreamConstraintsException) {
            body.setDetail("Request body exceeds parser limits");
        }
        else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            body.setDetail("Request body is missing");
        }
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Default detail echoes the rejected value; keep the answer small and clean instead.
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid value for '" + name + "'",
                List.of(new FieldMessage(name, describe(ex.getRequiredType()))));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<Object> handlePropertyReference(PropertyReferenceException ex, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid sort parameter", List.of());
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Object> handleJackson(JacksonException ex, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid request document", List.of());
        if (ex instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            body.setProperty("errors", List.of(new FieldMessage(path(mismatch.getPath()),
                    describe(mismatch.getTargetType()))));
        }
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    // ---- 409 / 412: database state ---------------------------------------------------------

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleDataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
        ConstraintKind kind = constraintKind(ex);
        HttpStatus status = HttpStatus.CONFLICT;
        String detail = switch (kind) {
            case UNIQUE -> "A record with the same unique value already exists";
            case FOREIGN_KEY -> "The record is referenced by, or references, other records";
            case NOT_NULL, CHECK -> {
                status = HttpStatus.BAD_REQUEST;
                yield "The request violates a data constraint";
            }
            default -> "The request conflicts with existing data";
        };
        log.debug("Data integrity violation ({}): {}", kind, ex.getMostSpecificCause().getMessage());
        return handleExceptionInternal(ex, problem(status, detail, List.of()), new HttpHeaders(), status, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleOptimisticLock(OptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.PRECONDITION_FAILED,
                "The resource was modified concurrently; fetch it again and retry", List.of());
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.PRECONDITION_FAILED, request);
    }

    // ---- 500: last resort, never leaks the exception ---------------------------------------

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unhandled exception for {}", request.getDescription(false), ex);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", List.of());
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static ProblemDetail problem(HttpStatus status, String detail, List<FieldMessage> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    private static List<FieldMessage> errors(BindingResult result) {
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            String message = error.isBindingFailure() ? describe(bindingTarget(error)) : error.getDefaultMessage();
            errors.add(new FieldMessage(error.getField(), message));
        }
        result.getGlobalErrors().forEach(error -> errors.add(new FieldMessage(error.getObjectName(), message(error))));
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return errors;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    private static Class<?> bindingTarget(FieldError error) {
        if (error.contains(TypeMismatchException.class)) {
            return error.unwrap(TypeMismatchException.class).getRequiredType();
        }
        return null;
    }

    /** A client-facing description of what a value should have been; never echoes input. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "invalid value";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be a boolean";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 timestamp, e.g. 2024-01-31T10:15:30Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "invalid value";
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ConstraintKind constraintKind(DataIntegrityViolationException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve && cve.getKind() != null) {
                return cve.getKind();
            }
        }
        return ConstraintKind.OTHER;
    }
}
