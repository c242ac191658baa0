package com.example.tiny.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class PreconditionFailedException extends ErrorResponseException {

    public PreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, detail),
                null);
    }
}
