package com.example.tiny.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 with an optional list of per-field errors. Rendered by ResponseEntityExceptionHandler. */
public class BadRequestException extends ErrorResponseException {

    public BadRequestException(String detail, List<FieldMessage> errors) {
        super(HttpStatus.BAD_REQUEST, problem(detail, errors), null);
    }

    public BadRequestException(String field, String message) {
        this("Validation failed", List.of(new FieldMessage(field, message)));
    }

    private static ProblemDetail problem(String detail, List<FieldMessage> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
