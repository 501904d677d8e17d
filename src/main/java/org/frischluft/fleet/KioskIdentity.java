package org.frischluft.fleet;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.regex.Pattern;
import org.frischluft.rooms.AtomicFiles;

/**
 * Who a kiosk is to the fleet: its id (from its settings, else made up once) and its pairing code, drawn at random
 * the first time and kept in {@code fleet/kiosk.properties} of its data folder, so the code on the screen stays the
 * same across restarts until the kiosk is paired.
 *
 * @param code six characters of {@link #ALPHABET} shown as {@code ABC-234}
 */
public record KioskIdentity(String id, String code) {
    /** Letters and digits nobody confuses across a classroom: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
    public static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String FILE = "kiosk.properties";

    public KioskIdentity {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("kiosk id must be lower-case letters, digits, '-' or '_': " + id);
        if (code == null || code.length() != 6 || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("pairing code must be 6 characters of " + ALPHABET + ": " + code);
        }
    }

    /** The code as shown and typed: {@code K7M-4PX}. */
    public String displayCode() {
        return code.substring(0, 3) + "-" + code.substring(3);
    }

    /** What the QR code carries: the kiosk id and the code, as a URI the admin app understands. */
    public String qrText() {
        return "frischluft:pair?kiosk=" + id + "&code=" + code;
    }

    /** A code as the admin typed it ({@code k7m 4px}, {@code K7M-4PX}), normalised; null if it cannot be one. */
    public static String normalise(String typed) {
        if (typed == null) return null;
        String c = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        return c.length() == 6 && c.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0) ? c : null;
    }

    public static String newCode() {
        StringBuilder b = new StringBuilder(6);
        for (int i = 0; i < 6; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /**
     * The identity kept in {@code dir} ({@code <data>/fleet}), made and kept there the first time.
     *
     * @param id the kiosk id from the settings, or null to keep the one made up before (or make one)
     */
    public static KioskIdentity loadOrCreate(Path dir, String id) throws IOException {
        Path file = dir.resolve(FILE);
        Properties p = new Properties();
        if (Files.exists(file)) p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        String keptId = p.getProperty("id");
        String keptCode = p.getProperty("code");
        String want = id != null ? id : keptId != null ? keptId : "k-" + newCode().toLowerCase(java.util.Locale.ROOT);
        if (want.equals(keptId) && normalise(keptCode) != null) return new KioskIdentity(want, keptCode);
        KioskIdentity made = new KioskIdentity(want, newCode());
        p.setProperty("id", made.id());
        p.setProperty("code", made.code());
        StringWriter w = new StringWriter();
        p.store(w, "this kiosk's id and pairing code (frischluft fleet)");
        AtomicFiles.write(file, w.toString().getBytes(StandardCharsets.UTF_8));
        return made;
    }
}
