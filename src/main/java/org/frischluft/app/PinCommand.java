package org.frischluft.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.frischluft.ui.common.Pin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pin}: asks for a new kiosk admin PIN twice (without echo on a terminal; from two lines of stdin
 * otherwise, for scripts) and prints the {@code pin = pbkdf2-sha256$…} line to put into the kiosk's settings
 * file. The PIN itself is never printed or stored.
 */
@Command(name = "pin", mixinStandardHelpOptions = true,
        description = {"Make the hash of a new kiosk admin PIN (PBKDF2-HMAC-SHA256) for the kiosk settings file.",
            "Asks twice without echo; without a terminal it reads two lines from stdin."})
public final class PinCommand implements Callable<Integer> {
    /** Shortest PIN accepted. */
    static final int MIN_LENGTH = 4;

    @Spec
    CommandSpec spec;

    private final Console console;
    private final InputStream in;

    public PinCommand() {
        this(System.console(), System.in);
    }

    /** {@code console} null: read from {@code in}. */
    PinCommand(Console console, InputStream in) {
        this.console = console;
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] first = null;
        char[] second = null;
        try {
            if (console != null) {
                first = console.readPassword("New admin PIN: ");
                second = first == null ? null : console.readPassword("Repeat the PIN: ");
            } else {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                first = chars(r.readLine());
                second = chars(r.readLine());
            }
            if (first == null || second == null) {
                err.println("pin: no PIN given (enter it twice)");
                return 2;
            }
            if (first.length < MIN_LENGTH) {
                err.println("pin: too short; use at least " + MIN_LENGTH + " digits or characters");
                return 2;
            }
            if (!Arrays.equals(first, second)) {
                err.println("pin: the two entries differ; nothing changed");
                return 1;
            }
            out.println("# paste into the kiosk's settings file (replaces an older pin line)");
            out.println("pin = " + Pin.hash(first));
            out.flush();
            return 0;
        } finally {
            Pin.wipe(first);
            Pin.wipe(second);
        }
    }

    private static char[] chars(String line) {
        if (line == null) return null;
        return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
    }
}
