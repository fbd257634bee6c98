package dev.bulwark.engine.assign.wta;

/**
 * The few smallest of a stream of values, kept sorted in two caller-owned arrays (values and their
 * indices): for the candidate lists of {@link Replacement} and {@link CycleAssignment}. Insertion
 * sort, so meant for lists of a few tens at most. No state of its own.
 */
final class Smallest {

    private Smallest() {
    }

    /**
     * Offers {@code (value, index)} to the ascending list {@code values[0..len)} of at most
     * {@code cap} entries: inserted in order if the list is not full or the value is below its
     * largest (which then drops out); ties keep the earlier entry first.
     *
     * @return the list's new length
     */
    static int offer(double[] values, int[] indices, int len, int cap, double value, int index) {
        if (cap == 0 || (len == cap && value >= values[len - 1])) {
            return len;
        }
        int pos = len == cap ? len - 1 : len++;
        while (pos > 0 && values[pos - 1] > value) {
            values[pos] = values[pos - 1];
            indices[pos] = indices[pos - 1];
            pos--;
        }
        values[pos] = value;
        indices[pos] = index;
        return len;
    }
}
