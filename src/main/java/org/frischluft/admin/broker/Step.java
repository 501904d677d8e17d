package org.frischluft.admin.broker;

import java.util.Locale;

/** The steps of a broker connection test, in the order they run; each needs the one before it. */
public enum Step {
    LOOKUP, TCP, TLS, AUTH, SUBSCRIBE, MESSAGES;

    /** The step's name in words: "name lookup (DNS)", "Namensauflösung (DNS)", … */
    public String label(Locale locale) {
        return Texts.get(locale, "step." + name().toLowerCase(Locale.ROOT));
    }
}
