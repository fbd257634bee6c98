package dev.bulwark.engine.assign.wta;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The ruin-and-recreate round of {@link LocalSearchWtaSolver}: take every unit off a few related
 * targets, then put the removed units back one at a time, in random order, each on the target
 * where it now gains most ({@code V_t S_t p_ut}, any target with room). Unlike the assignment
 * round, a target may receive several of the removed units, so stacks of two or more units are
 * rebuilt. The round can make the objective worse; the solver's acceptance rule decides.
 *
 * <p>Related targets: starting from the target of a random unit, repeatedly take a random unit on
 * an already chosen target and add the target of a random unit of the same weapon type (units of
 * one type compete for the same targets), or a random target when that one is already chosen.
 * Idea: the ruin-and-recreate principle of G. Schrimpf, J. Schneider, H. Stamm-Wilbrandt,
 * G. Dueck, Journal of Computational Physics 159, 2000, and the related removal of P. Shaw
 * (CP 1998). One owner.
 */
final class RuinRecreate {

    private final UnitAssignment s;
    private final int[] removed;
    private final int[] bestTarget;
    private final boolean[] chosen;
    private final int[] chosenList;
    private final int[] typeStart;
    private int count;

    RuinRecreate(UnitAssignment s, int weaponTypes) {
        this.s = s;
        removed = new int[s.n];
        bestTarget = new int[s.n];
        chosen = new boolean[s.nT];
        chosenList = new int[s.nT];
        // units of one type are consecutive
        typeStart = new int[weaponTypes + 1];
        for (int u = 0; u < s.n; u++) {
            typeStart[s.type[u] + 1]++;
        }
        for (int w = 0; w < weaponTypes; w++) {
            typeStart[w + 1] += typeStart[w];
        }
    }

    /**
     * Empties up to {@code k} related targets and re-places their units; {@code marks} receives
     * every target whose units changed.
     *
     * @return number of units removed and re-placed
     */
    int apply(SplittableRandom rnd, int k, IntConsumer marks) {
        int n = s.n;
        int nT = s.nT;
        count = 0;
        choose(s.target[rnd.nextInt(n)]);
        for (int tries = 0; count < k && tries < 4 * k; tries++) {
            int t = chosenList[rnd.nextInt(count)];
            int seen = 0;
            int pick = -1;
            for (int u = 0; u < n; u++) {
                if (s.target[u] == t && rnd.nextInt(++seen) == 0) {
                    pick = u;
                }
            }
            if (pick < 0) {
                continue;
            }
            int w = s.type[pick];
            int other = s.target[typeStart[w] + rnd.nextInt(typeStart[w + 1] - typeStart[w])];
            if (!chosen[other]) {
                choose(other);
            } else {
                int r = rnd.nextInt(nT);
                if (!chosen[r]) {
                    choose(r);
                }
            }
        }
        int m = 0;
        for (int u = 0; u < n; u++) {
            if (chosen[s.target[u]]) {
                removed[m++] = u;
            }
        }
        for (int i = 0; i < count; i++) {
            chosen[chosenList[i]] = false;
        }
        for (int i = 0; i < m; i++) {
            marks.accept(s.target[removed[i]]);
            s.remove(removed[i]);
        }
        for (int i = 0; i < m; i++) {
            bestTarget[i] = best(removed[i]);
        }
        for (int left = m; left > 0; left--) {
            int i = rnd.nextInt(left);
            int t = bestTarget[i];
            s.place(removed[i], t);
            marks.accept(t);
            removed[i] = removed[left - 1];
            bestTarget[i] = bestTarget[left - 1];
            // only target t changed: units that preferred it look again
            for (int j = 0; j < left - 1; j++) {
                if (bestTarget[j] == t) {
                    bestTarget[j] = best(removed[j]);
                }
            }
        }
        return m;
    }

    private void choose(int t) {
        chosen[t] = true;
        chosenList[count++] = t;
    }

    /** The target with room where the unassigned unit {@code u} gains most (lowest index on ties). */
    private int best(int u) {
        int nT = s.nT;
        int base = s.type[u] * nT;
        double bg = -1;
        int bt = -1;
        for (int t = 0; t < nT; t++) {
            if (s.room(t)) {
                double g = s.values[t] * s.survival(t) * s.p[base + t];
                if (g > bg) {
                    bg = g;
                    bt = t;
                }
            }
        }
        return bt;
    }
}
