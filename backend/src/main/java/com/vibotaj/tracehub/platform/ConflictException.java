package com.vibotaj.tracehub.platform;

import org.springframework.http.HttpStatus;

/** The request is well formed but conflicts with the current state or a business rule. */
public class ConflictException extends ProblemException {

    public ConflictException(String kind, String title, String detail) {
        super(HttpStatus.CONFLICT, kind, title, detail);
    }
}
