package org.frischluft.alert;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Alerts by e-mail over SMTP (Jakarta Mail), to one recipient in their language: what opened, reminders of a silent
 * sensor and escalations; a recipient marked {@code escalation} (e.g. the Schulträger) gets only the escalations.
 * One channel per recipient, so one bad address is retried alone. The password comes from the environment
 * variable the settings name, never from the file.
 */
public final class MailChannel implements AlertChannel {
    private final AlertConfig.Recipient to;
    private final Session session;
    private final String from;

    public MailChannel(AlertConfig.Smtp smtp, AlertConfig.Recipient to) {
        this.to = to;
        this.from = smtp.from();
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        if (smtp.startTls()) p.put("mail.smtp.starttls.enable", "true");
        String password = smtp.passwordEnv() == null ? null : System.getenv(smtp.passwordEnv());
        if (smtp.user() != null && password != null) {
            p.put("mail.smtp.auth", "true");
            session = Session.getInstance(p, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtp.user(), password);
                }
            });
        } else {
            session = Session.getInstance(p);
        }
    }

    @Override
    public String name() {
        return "mail " + to.email().replaceAll("^[^@]{0,2}[^@]*@", "…@");
    }

    @Override
    public boolean wants(AlertMessage m) {
        if (!to.wants(m.alert().site())) return false;
        return switch (m.event().kind()) {
            case ESCALATED -> true;
            case OPENED, REMINDED -> !to.escalation();
            case ACKNOWLEDGED, RESOLVED -> false;
        };
    }

    @Override
    public void send(AlertMessage m) throws MessagingException {
        AlertTexts.Text t = m.text(to.language());
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to.email()));
        mail.setSubject(t.subject(), StandardCharsets.UTF_8.name());
        mail.setText(t.body(), StandardCharsets.UTF_8.name());
        mail.setSentDate(Date.from(m.event().time()));
        mail.setHeader("X-Frischluft-Alert", m.alert().id() + " " + m.alert().rule().id() + " " + m.event().kind().id());
        Transport.send(mail);
    }
}
