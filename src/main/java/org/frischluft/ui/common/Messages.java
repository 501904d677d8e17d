package org.frischluft.ui.common;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Every text a screen shows, from the {@code messages} bundles (English base, German {@code _de}), formatted
 * with {@link MessageFormat} in the caller's locale. The JVM's default locale never leaks in: a German
 * kiosk on an English machine stays German.
 */
public final class Messages {
    static final String BUNDLE = "org.frischluft.ui.messages";
    /** Narrow no-break space: "1 234 ppm" in both languages (ISO 80000 grouping, no "1.234" vs "1,234" confusion). */
    static final char GROUPING = '\u202F';

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Texts for {@code locale}; German for any German locale, English otherwise. */
    public static Messages forLocale(Locale locale) {
        return new Messages(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}, formatted with {@code args}; a missing key shows as {@code !key!}, never throws. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** True if the bundle has {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** CO2 and other integers grouped by a narrow space: {@code 1 234}. */
    public String integer(double value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        symbols.setGroupingSeparator(GROUPING);
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        return format.format(Math.round(value));
    }

    /** One decimal in the locale's style: {@code 21,5} (de) or {@code 21.5} (en). */
    public String oneDecimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setGroupingUsed(false);
        return format.format(value);
    }
}
