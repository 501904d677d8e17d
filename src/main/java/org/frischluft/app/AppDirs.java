package org.frischluft.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The user's standard folders for Frischluft's data (history database) and configuration: XDG on Linux,
 * {@code %LOCALAPPDATA%}/{@code %APPDATA%} on Windows, {@code ~/Library/Application Support} on macOS.
 * {@code FRISCHLUFT_HOME} overrides both (e.g. a kiosk with a read-only home).
 */
public final class AppDirs {
    private AppDirs() {
    }

    public static Path data() {
        return base("XDG_DATA_HOME", ".local/share", "LOCALAPPDATA");
    }

    public static Path config() {
        return base("XDG_CONFIG_HOME", ".config", "APPDATA");
    }

    /** Default history database: an H2 file in the data folder. */
    public static String defaultDb(String name) {
        return "jdbc:h2:file:" + data().resolve(name).toAbsolutePath().toString().replace('\\', '/');
    }

    private static Path base(String xdgVar, String xdgDefault, String windowsVar) {
        String home = System.getenv("FRISCHLUFT_HOME");
        if (home != null && !home.isBlank()) return Path.of(home);
        Path userHome = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String v = System.getenv(windowsVar);
            return (v == null ? userHome : Path.of(v)).resolve("Frischluft");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library/Application Support/Frischluft");
        }
        String xdg = System.getenv(xdgVar);
        return (xdg == null || xdg.isBlank() ? userHome.resolve(xdgDefault) : Path.of(xdg)).resolve("frischluft");
    }
}
