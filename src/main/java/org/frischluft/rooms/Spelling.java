package org.frischluft.rooms;

import java.util.Collection;
import java.util.Locale;

/** The known word a mistyped one was probably meant to be ("volumen" → "volumeM3"), for problems that help. */
public final class Spelling {
    private Spelling() {
    }

    /** The word of {@code known} within two edits of {@code word} (case ignored), the closest first; null if none. */
    public static String nearest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        String w = word.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance < 3 ? best : null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
