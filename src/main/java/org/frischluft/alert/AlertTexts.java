package org.frischluft.alert;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of an alert in German or English (the {@code alerts} bundles): a subject line and a body that name the
 * room, building and site, the value, how long, and what to do (ASR A3.6) — and never a person.
 */
public final class AlertTexts {
    private static final String BUNDLE = "org.frischluft.alert.alerts";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** A subject line and a plain-text body. */
    public record Text(String subject, String body) {
    }

    private AlertTexts() {
    }

    public static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.GERMAN;
    }

    /** {@code m} in {@code locale}, times shown in {@code zone}. */
    public static Text of(AlertMessage m, Locale locale, ZoneId zone) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Alert a = m.alert();
        String key = a.rule().key();
        Object[] args = args(m, b, locale);
        String kind = format(b, "kind." + m.event().kind().id(), locale, m.escalateSchoolDays());
        String where = a.siteWide() ? format(b, "where.site", locale, args) : format(b, "where.room", locale, args);
        String subject = kind + ": " + format(b, key + ".title", locale, args) + " — " + where;
        boolean siteWide = a.siteWide() && a.rule() == Rule.SENSOR_SILENT;
        String text = format(b, (siteWide ? "sensor_silent_site" : key) + ".text", locale, args);
        String todo = format(b, (siteWide ? "sensor_silent_site" : key) + ".todo", locale, args);
        StringBuilder body = new StringBuilder();
        body.append(kind).append(" — ").append(TIME.format(m.event().time().atZone(zone))).append("\n\n");
        body.append(text).append("\n\n");
        if (m.event().kind() != AlertEvent.Kind.RESOLVED) body.append(todo).append("\n\n");
        body.append(format(b, "footer", locale));
        return new Text(subject, body.toString());
    }

    /** {0} room, {1} building, {2} site, {3} value, {4} minutes, {5} threshold, {6} where. */
    private static Object[] args(AlertMessage m, ResourceBundle b, Locale locale) {
        Alert a = m.alert();
        String value = a.value() == null ? "" : switch (a.rule()) {
            case BATTERY_LOW -> a.value() <= 5 ? num(a.value(), locale) + " V" : Math.round(a.value()) + " %";
            case WINDOW_OPEN -> num(a.value(), locale);
            default -> Long.toString(Math.round(a.value()));
        };
        long minutes = Duration.between(a.since(), m.event().time()).toMinutes();
        if (m.event().kind() == AlertEvent.Kind.OPENED) minutes = a.duration().toMinutes();
        String threshold = m.threshold() == null ? "" : Long.toString(Math.round(m.threshold()));
        Object[] base = {m.room(), m.building(), m.site(), value, Long.toString(minutes), threshold, ""};
        base[6] = a.siteWide() ? m.site() : new MessageFormat(b.getString("where.room"), locale).format(base);
        return base;
    }

    private static String num(double v, Locale locale) {
        return String.format(locale, "%.1f", v);
    }

    private static String format(ResourceBundle b, String key, Locale locale, Object... args) {
        return new MessageFormat(b.getString(key), locale).format(args);
    }
}
