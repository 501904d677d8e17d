package org.frischluft.rooms;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in threshold profiles, looked up by the id a school or room names in its configuration.
 *
 * <ul>
 *   <li>{@code uba} (default): 1000 / 2000 ppm, UBA guide values and ASR A3.6</li>
 *   <li>{@code komfort}: 1000 / 1400 ppm, DIN EN 13779 as commonly written</li>
 *   <li>{@code infektionsschutz}: 800 / 1000 ppm, DGUV/IFA</li>
 * </ul>
 * Any id may carry a blue band suffix: {@code komfort+blue} (below 600 ppm) or {@code uba+blue550}. All hold a
 * change for {@link Profile#DEFAULT_HOLD} both ways, with {@link Profile#DEFAULT_HYSTERESIS} and
 * {@link Profile#DEFAULT_JUMP}.
 */
public final class Profiles {
    /** Blue band used by {@code +blue} without a number (Watterott's light: below 600 ppm). */
    public static final double DEFAULT_BLUE = 600;

    public static final Profile UBA = Profile.UBA;
    public static final Profile KOMFORT = named("komfort", "Komfort (DIN EN 13779)", 1000, 1400);
    public static final Profile INFEKTIONSSCHUTZ = named("infektionsschutz", "Infektionsschutz (DGUV/IFA)", 800, 1000);

    private static final List<Profile> BUILT_IN = List.of(UBA, KOMFORT, INFEKTIONSSCHUTZ);
    private static final Pattern ID = Pattern.compile("([a-z0-9_-]+)(?:\\+blue(\\d{2,4})?)?");

    private Profiles() {
    }

    private static Profile named(String id, String name, double yellowFrom, double redFrom) {
        return new Profile(id, name, yellowFrom, redFrom, null, Profile.DEFAULT_HYSTERESIS, Profile.DEFAULT_HOLD,
                Profile.DEFAULT_HOLD, Profile.DEFAULT_JUMP);
    }

    /** The built-in profiles without blue band, default first. */
    public static List<Profile> builtIn() {
        return BUILT_IN;
    }

    /**
     * The profile for an id, case-insensitive; null or blank means the default ({@code uba}).
     *
     * @throws IllegalArgumentException for an unknown id, naming the known ones
     */
    public static Profile byId(String id) {
        if (id == null || id.isBlank()) return UBA;
        Matcher m = ID.matcher(id.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            String base = switch (m.group(1)) {
                case "uba", "uba-asr", "asr" -> "uba";
                case "komfort", "comfort" -> "komfort";
                case "infektionsschutz", "infection" -> "infektionsschutz";
                default -> null;
            };
            if (base != null) {
                Profile p = BUILT_IN.stream().filter(b -> b.id().equals(base)).findFirst().orElseThrow();
                boolean blue = id.toLowerCase(Locale.ROOT).contains("+blue");
                if (!blue) return p;
                double ppm = m.group(2) == null ? DEFAULT_BLUE : Double.parseDouble(m.group(2));
                return p.withBlue(ppm);
            }
        }
        throw new IllegalArgumentException("unknown profile '" + id + "'; known: uba, komfort, infektionsschutz"
                + " (optionally with +blue or +blue<ppm>)");
    }
}
