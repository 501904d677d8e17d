package org.frischluft.rooms;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The words of each {@link Problem} code, from the {@code problems} bundles (English base, German). */
final class ProblemTexts {
    private static final String BUNDLE = "org.frischluft.rooms.problems";

    private ProblemTexts() {
    }

    static String format(Problem p, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(p.code());
        } catch (MissingResourceException e) {
            return p.code() + (p.args().isEmpty() ? "" : " " + p.args());
        }
        // every argument is text: no locale number formatting of ids or values the file spelt
        Object[] args = p.args().toArray();
        return new MessageFormat(pattern, locale).format(args);
    }
}
