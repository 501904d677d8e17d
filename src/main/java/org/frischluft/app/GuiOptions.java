package org.frischluft.app;

import java.nio.file.Path;
import java.util.Locale;
import org.frischluft.settings.Settings;
import picocli.CommandLine.Option;

/** Options shared by the commands that open a window. */
final class GuiOptions {
    @Option(names = "--config", description = "Settings file (see kiosk-config/kiosk-example.properties): school file, "
            + "language, display, PIN, brokers. Without brokers in it the embedded demo school runs "
            + "(demo: a file that names brokers is refused; use overview or kiosk for those).")
    Path config;

    @Option(names = "--keep-history", description = "Demo: keep the demo's history from earlier runs "
            + "(default: every demo starts from a fresh demo-history file in the user's data folder).")
    boolean keepHistory;

    @Option(names = "--language", description = "de or en (default: from the settings, else the system).")
    String language;

    @Option(names = "--db", description = "JDBC URL of the history database.")
    String db;

    @Option(names = "--size", description = "Window size WIDTHxHEIGHT, e.g. 1280x800 (kiosk: windowed instead of fullscreen).")
    String size;

    @Option(names = "--rooms", defaultValue = "24", description = "Demo: number of simulated rooms (≥ 24 uses the demo school, more adds rooms). Default: ${DEFAULT-VALUE}.")
    int rooms = 24;

    @Option(names = "--speedup", defaultValue = "20", description = "Demo: how much faster the simulated school day runs. Default: ${DEFAULT-VALUE}.")
    double speedup = 20;

    @Option(names = "--interval", defaultValue = "60", description = "Demo: uplink interval of each simulated sensor, in simulated seconds. Default: ${DEFAULT-VALUE}.")
    int intervalSeconds = 60;

    @Option(names = "--city", paramLabel = "SITES", arity = "0..1", fallbackValue = "0",
            description = "The city view (every site as one summary; chosen anyway when the school has several sites). "
                    + "Demo: simulate SITES sites of 43 rooms each (70: about 3,000 rooms).")
    Integer city;

    @Option(names = "--heartbeat", paramLabel = "FILE",
            description = "Rewrite FILE every 2 s while the screen responds (for a watchdog, see kiosk-config/).")
    Path heartbeat;

    @Option(names = "--watchdog", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Kiosk: end with status 70 when the screen has not responded for this long, so systemd "
                    + "restarts it (0s: never). Default: ${DEFAULT-VALUE}.")
    java.time.Duration watchdog = java.time.Duration.ofSeconds(30);

    Locale locale(Settings settings) {
        return language == null ? settings.locale() : Locale.forLanguageTag(language);
    }

    int[] windowSize() {
        if (size == null) return null;
        String[] p = size.toLowerCase(Locale.ROOT).split("x");
        if (p.length != 2) throw new IllegalArgumentException("--size must look like 1280x800");
        return new int[] {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())};
    }
}
