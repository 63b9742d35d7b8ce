package com.vibotaj.tracehub.notifications.internal;

import com.vibotaj.tracehub.identity.InvitationMail;
import com.vibotaj.tracehub.platform.TraceHubProperties;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders notices as e-mail: a plain-text part and an HTML part saying the same. Every value that
 * comes from data (names, references, reasons) is HTML-escaped in the HTML part; the templates are
 * code, so nothing a user types can become markup or a link.
 */
@Component
public class MailTemplates {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final TraceHubProperties site;

    MailTemplates(TraceHubProperties site) {
        this.site = site;
    }

    public record Mail(String subject, String text, String html) {}

    /** A digest entry: one notice as the digest lists it. */
    public record DigestLine(String title, String body, String linkPath) {}

    public Mail render(Notice notice, String recipientName) {
        String url = site.link(notice.linkPath());
        StringBuilder text = new StringBuilder()
                .append("Hello ")
                .append(recipientName)
                .append(",\n\n")
                .append(notice.body())
                .append("\n\n");
        StringBuilder rows = new StringBuilder();
        for (Notice.Fact fact : notice.facts()) {
            text.append(fact.label()).append(": ").append(fact.value()).append('\n');
            rows.append("<tr><th style=\"text-align:left;padding:4px 12px 4px 0;color:#555\">")
                    .append(esc(fact.label()))
                    .append("</th><td style=\"padding:4px 0\">")
                    .append(esc(fact.value()))
                    .append("</td></tr>");
        }
        text.append("\nOpen in TraceHub: ").append(url).append('\n').append(footerText());
        String html = layout(
                esc(notice.title()),
                "<p>Hello " + esc(recipientName) + ",</p><p>" + esc(notice.body()) + "</p>"
                        + (rows.isEmpty() ? "" : "<table style=\"border-collapse:collapse\">" + rows + "</table>")
                        + button(url, "Open in TraceHub") + footerHtml());
        return new Mail("[TraceHub] " + oneLine(notice.title()), text.toString(), html);
    }

    public Mail digest(String recipientName, List<DigestLine> lines) {
        StringBuilder text = new StringBuilder()
                .append("Hello ")
                .append(recipientName)
                .append(",\n\nWhat happened in TraceHub since your last digest (")
                .append(lines.size())
                .append(lines.size() == 1 ? " update" : " updates")
                .append("):\n\n");
        StringBuilder items = new StringBuilder();
        for (DigestLine line : lines) {
            String url = site.link(line.linkPath());
            text.append("- ")
                    .append(line.title())
                    .append('\n')
                    .append("  ")
                    .append(line.body())
                    .append('\n')
                    .append("  ")
                    .append(url)
                    .append('\n');
            items.append("<li style=\"margin-bottom:10px\"><a href=\"")
                    .append(esc(url))
                    .append("\">")
                    .append(esc(line.title()))
                    .append("</a><br>")
                    .append(esc(line.body()))
                    .append("</li>");
        }
        text.append(footerText());
        String html = layout(
                "Your TraceHub digest",
                "<p>Hello " + esc(recipientName) + ",</p><p>What happened since your last digest:</p><ul>" + items
                        + "</ul>" + footerHtml());
        return new Mail(
                "[TraceHub] Daily digest: " + lines.size() + (lines.size() == 1 ? " update" : " updates"),
                text.toString(),
                html);
    }

    public Mail invitation(InvitationMail.Invitation invitation) {
        String who = invitation.invitedByName().isBlank() ? "An administrator" : invitation.invitedByName();
        String expires = DAY.format(invitation.expiresAt().atOffset(ZoneOffset.UTC));
        String text = "Hello,\n\n" + who + " invited you to join " + invitation.organizationName()
                + " on TraceHub as " + invitation.role().value() + ".\n\nAccept the invitation: "
                + invitation.acceptUrl() + "\n\nThe link works once and expires on " + expires + ".\n"
                + "If you did not expect this, ignore this e-mail.\n\n-- \nTraceHub\n";
        String html = layout(
                "You are invited to TraceHub",
                "<p>Hello,</p><p>" + esc(who) + " invited you to join <strong>" + esc(invitation.organizationName())
                        + "</strong> on TraceHub as " + esc(invitation.role().value()) + ".</p>"
                        + button(invitation.acceptUrl(), "Accept the invitation") + "<p>The link works once and"
                        + " expires on " + esc(expires) + ". If you did not expect this, ignore this e-mail.</p>");
        return new Mail("[TraceHub] Invitation to join " + oneLine(invitation.organizationName()), text, html);
    }

    private String footerText() {
        return "\n-- \nTraceHub. Choose what you are told and how: " + site.link("/settings/notifications") + "\n";
    }

    private String footerHtml() {
        return "<p style=\"color:#777;font-size:12px\">Choose what you are told and how in <a href=\""
                + esc(site.link("/settings/notifications")) + "\">notification settings</a>.</p>";
    }

    private static String button(String url, String label) {
        return "<p><a href=\"" + esc(url)
                + "\" style=\"display:inline-block;padding:8px 16px;background:#0f766e;color:#fff;"
                + "text-decoration:none;border-radius:4px\">" + esc(label) + "</a></p>";
    }

    private static String layout(String escapedTitle, String content) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escapedTitle
                + "</title></head><body style=\"font-family:Arial,sans-serif;color:#222\"><h2>" + escapedTitle + "</h2>"
                + content + "</body></html>";
    }

    static String esc(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }

    /** Headers are one line: a reference with a line break must not inject another header. */
    static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
