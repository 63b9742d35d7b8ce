package com.vibotaj.tracehub.platform.internal.web;

/** What happens to an Idempotency-Key record once its request has been handled. */
enum IdempotencyOutcome {
    /** Keep status, content type, selected headers and body for replay. */
    STORE,
    /** Keep the status only: the body was larger than can be kept; a replay answers an empty body. */
    STORE_STATUS_ONLY,
    /** Delete the record so that the client may send the request again. */
    RELEASE;

    /**
     * Server errors, requests that failed with an exception, container error pages (their body is not
     * seen by the filter) and asynchronous handling (not finished when the filter returns) are not
     * stored: a retry runs the request again. Everything below 500 is the request's final answer.
     */
    static IdempotencyOutcome decide(
            int status, boolean failedWithException, boolean errorSent, boolean asyncStarted, boolean overflowed) {
        if (failedWithException || errorSent || asyncStarted || status >= 500 || status < 100) {
            return RELEASE;
        }
        return overflowed ? STORE_STATUS_ONLY : STORE;
    }
}
