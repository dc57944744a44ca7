package com.ctera.sample;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.ctera.client.CteraException;
import com.ctera.client.CteraNotFoundException;

/** Turns the client's typed failures into problem details: a missing user is a 404, a portal failure a 502. */
@RestControllerAdvice
class PortalErrorAdvice {

    @ExceptionHandler(CteraNotFoundException.class)
    ProblemDetail notFound(CteraNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler(CteraException.class)
    ProblemDetail portalFailure(CteraException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
        problem.setProperty("operation", ex.operation());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }
}
