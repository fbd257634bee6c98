package dev.bulwark.scenario;

/**
 * The valid interval of a numeric key, with the wording used in error messages.
 *
 * @param lo          lower bound (may be -∞)
 * @param loInclusive whether the lower bound itself is valid
 * @param hi          upper bound (may be +∞)
 * @param hiInclusive whether the upper bound itself is valid
 */
record Range(double lo, boolean loInclusive, double hi, boolean hiInclusive) {

    static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    static final Range POSITIVE = new Range(0, false, Double.POSITIVE_INFINITY, false);
    static final Range NON_NEGATIVE = atLeast(0);
    static final Range PROBABILITY = between(0, 1);

    static Range atLeast(double lo) {
        return new Range(lo, true, Double.POSITIVE_INFINITY, false);
    }

    static Range greaterThan(double lo) {
        return new Range(lo, false, Double.POSITIVE_INFINITY, false);
    }

    static Range between(double lo, double hi) {
        return new Range(lo, true, hi, true);
    }

    boolean contains(double x) {
        boolean aboveLo = loInclusive ? x >= lo : x > lo;
        boolean belowHi = hiInclusive ? x <= hi : x < hi;
        return aboveLo && belowHi;
    }

    /** "greater than 0", "at least 1", "between 0 and 1", "in [0, 45)". */
    String describe() {
        boolean noLo = lo == Double.NEGATIVE_INFINITY;
        boolean noHi = hi == Double.POSITIVE_INFINITY;
        if (noLo && noHi) {
            return "any number";
        }
        if (noHi) {
            return (loInclusive ? "at least " : "greater than ") + Numbers.format(lo);
        }
        if (noLo) {
            return (hiInclusive ? "at most " : "less than ") + Numbers.format(hi);
        }
        if (loInclusive && hiInclusive) {
            return "between " + Numbers.format(lo) + " and " + Numbers.format(hi);
        }
        return "in " + (loInclusive ? "[" : "(") + Numbers.format(lo) + ", " + Numbers.format(hi)
                + (hiInclusive ? "]" : ")");
    }
}
