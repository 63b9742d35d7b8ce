package com.vibotaj.tracehub.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP when Spring Boot configured a mail sender ({@code spring.mail.host} set) and e-mail is enabled;
 * otherwise a transport that only logs, so a local run or a deployment without SMTP still works.
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailTransportConfiguration.class);

    @Bean
    MailTransport mailTransport(ObjectProvider<JavaMailSender> senders, NotificationProperties properties) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null || !properties.email().enabled()) {
            log.info("E-mail notifications are logged, not sent: set spring.mail.host to send them");
            return (to, mail) -> {
                log.info("E-mail (not sent, no SMTP configured) to {}: {}", to, mail.subject());
                return "logged";
            };
        }
        String from = properties.email().from();
        return (to, mail) -> {
            MimeMessage message = sender.createMimeMessage();
            try {
                MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(to);
                helper.setSubject(mail.subject());
                helper.setText(mail.text(), mail.html());
            } catch (MessagingException e) {
                throw new MailPreparationException(e);
            }
            sender.send(message);
            return "sent";
        };
    }
}
