package org.frischluft.admin.broker;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The words of the connection test, from the {@code connection} bundles (English base, German). */
final class Texts {
    private static final String BUNDLE = "org.frischluft.admin.broker.connection";

    /** An argument starting with this is a key of the bundle, said in the reader's language ("the system trust store"). */
    static final String WORD = "@";

    private Texts() {
    }

    static String get(Locale locale, String key) {
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** Every value is text already: no locale number formatting of ports or counts the test spelt out. */
    static String format(Locale locale, String key, List<String> args) {
        String pattern = get(locale, key);
        Object[] values = args.stream().map(a -> a.startsWith(WORD) ? get(locale, a.substring(WORD.length())) : a).toArray();
        return new MessageFormat(pattern, locale).format(values);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
