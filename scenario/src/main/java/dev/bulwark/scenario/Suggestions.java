package dev.bulwark.scenario;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt keys and names: the closest candidate by edit distance. */
final class Suggestions {

    private Suggestions() {
    }

    /** The candidate closest to {@code word} if it is close enough to be a likely typo, else null. */
    static String closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        // A key written without its unit ("lat" for "lat_deg") is the commonest slip: prefer a unique prefix match.
        String prefixed = null;
        int prefixCount = 0;
        for (String c : candidates) {
            if (w.length() >= 3 && c.toLowerCase(Locale.ROOT).startsWith(w)) {
                prefixed = c;
                prefixCount++;
            }
        }
        if (prefixCount == 1) {
            return prefixed;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        // A third of the length catches "max_rang_km" and "lat" for "lat_deg" without proposing unrelated keys.
        int allowed = Math.max(2, Math.max(w.length(), best.length()) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance, with adjacent transpositions counted as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
