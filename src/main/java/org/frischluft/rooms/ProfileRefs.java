package org.frischluft.rooms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a profile reference as a school file writes it: the id of a profile the file defines or of a
 * built-in one ({@link Profiles}), optionally with a blue band suffix ({@code komfort+blue}, {@code streng+blue550}).
 */
public final class ProfileRefs {
    private static final Pattern REF = Pattern.compile("([A-Za-z0-9_-]+)(\\+blue(\\d{2,4})?)?");

    private ProfileRefs() {
    }

    /** The profile {@code ref} names among {@code defined} and the built-ins, or empty. */
    public static Optional<Profile> resolve(String ref, List<Profile> defined) {
        if (ref == null || ref.isBlank()) return Optional.empty();
        Matcher m = REF.matcher(ref.strip());
        if (!m.matches()) return Optional.empty();
        String base = m.group(1);
        Profile p = defined.stream().filter(d -> d.id().equalsIgnoreCase(base)).findFirst().orElse(null);
        if (p == null) {
            try {
                p = Profiles.byId(base.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        }
        if (m.group(2) == null) return Optional.of(p);
        double blue = m.group(3) == null ? Profiles.DEFAULT_BLUE : Double.parseDouble(m.group(3));
        try {
            return Optional.of(p.withBlue(blue));
        } catch (IllegalArgumentException notBelowYellow) {
            return Optional.empty();
        }
    }

    /** The ids a reference may name: the file's own profiles, then the built-ins. */
    public static List<String> known(List<Profile> defined) {
        List<String> out = new java.util.ArrayList<>(defined.stream().map(Profile::id).toList());
        Profiles.builtIn().forEach(b -> out.add(b.id()));
        return out;
    }
}
