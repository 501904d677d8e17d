package org.frischluft.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void germanAndEnglishBundlesHaveTheSameKeys() throws Exception {
        Properties en = load("/org/frischluft/ui/messages.properties");
        Properties de = load("/org/frischluft/ui/messages_de.properties");
        assertThat(de.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    }

    @Test
    void callerChoosesTheLanguageNotTheMachine() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Messages.forLocale(Locale.ENGLISH).get("light.red")).isEqualTo("Ventilate now!");
            assertThat(Messages.forLocale(Locale.forLanguageTag("fr")).get("light.red")).isEqualTo("Ventilate now!");
            Locale.setDefault(Locale.US);
            assertThat(Messages.forLocale(Locale.GERMANY).get("light.red")).isEqualTo("Jetzt lüften!");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void missingKeyShowsItselfInsteadOfThrowing() {
        assertThat(Messages.forLocale(Locale.GERMAN).get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void numbersAreGroupedAndDecimalsFollowTheLanguage() {
        assertThat(Messages.forLocale(Locale.GERMAN).integer(12345.4)).isEqualTo("12\u202F345");
        assertThat(Messages.forLocale(Locale.GERMAN).oneDecimal(21.54)).isEqualTo("21,5");
        assertThat(Messages.forLocale(Locale.ENGLISH).oneDecimal(21.54)).isEqualTo("21.5");
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(path)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
