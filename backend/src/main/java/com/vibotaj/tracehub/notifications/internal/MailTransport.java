package com.vibotaj.tracehub.notifications.internal;

/** Hands one mail to the outside world; throws when it was not accepted (the outbox retries). */
public interface MailTransport {

    /** {@code sent} over SMTP, or {@code logged} when no mail server is configured. */
    String send(String to, MailTemplates.Mail mail);
}
