package com.vibotaj.tracehub.notifications.internal;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads what GreenMail received: per recipient, with the text and HTML parts decoded. */
final class Mails {

    private Mails() {}

    record Received(String subject, String text, String html, List<String> to) {}

    static List<Received> to(GreenMailExtension greenMail, String address) {
        List<Received> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                Address[] recipients = m.getRecipients(Message.RecipientType.TO);
                List<String> to = recipients == null
                        ? List.of()
                        : Arrays.stream(recipients).map(Address::toString).toList();
                if (to.contains(address)) {
                    StringBuilder text = new StringBuilder();
                    StringBuilder html = new StringBuilder();
                    collect(m, text, html);
                    found.add(new Received(m.getSubject(), text.toString(), html.toString(), to));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html);
            }
        }
    }
}
