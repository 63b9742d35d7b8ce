package com.vibotaj.tracehub.platform;

import org.springframework.http.HttpStatus;

/**
 * The object does not exist <em>or the caller may not see it</em>: both answer the same 404, so that
 * existence never leaks across organisations.
 */
public class NotFoundException extends ProblemException {

    protected NotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id);
    }
}
