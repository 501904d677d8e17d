package org.frischluft.ui.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.ui.common.Messages;

/** The demo school as a real school file in a temporary folder, its catalog and an editor; texts in one language. */
final class AdminFixtures {
    static final Path DEMO = Path.of("kiosk-config/demo-school.json");
    static final Instant NOW = Instant.parse("2025-11-25T13:35:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Berlin"));

    private AdminFixtures() {
    }

    /** A copy of the demo school file in {@code dir}, opened as version 1. */
    static SchoolEditor editor(Path dir) throws IOException, ConfigException {
        Path file = dir.resolve("school.json");
        Files.copy(DEMO, file);
        return new SchoolEditor(SchoolCatalog.open(file, CLOCK), "test-admin");
    }

    /** A language switch the tests can flip: the shell's {@code Supplier<Messages>}. */
    static final class Language implements Supplier<Messages> {
        private Messages messages;

        Language(Locale locale) {
            set(locale);
        }

        void set(Locale locale) {
            messages = Messages.forLocale(locale);
        }

        @Override
        public Messages get() {
            return messages;
        }
    }
}
