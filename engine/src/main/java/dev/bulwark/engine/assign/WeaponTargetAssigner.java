package dev.bulwark.engine.assign;

import dev.bulwark.engine.effector.Battery;
import dev.bulwark.engine.effector.Gun;
import dev.bulwark.engine.effector.Laser;
import dev.bulwark.engine.threat.Assessment;
import java.util.List;
import java.util.function.IntFunction;

/** Decides, each cycle, which threats to engage with which effector: the weapon-target assignment. */
public interface WeaponTargetAssigner {

    /**
     * Assigns effectors to the assessed threats.
     *
     * @param now         decision time (s)
     * @param assessments the assessed tracks
     * @param states      what was already done to each track, by track id
     * @param batteries   the batteries (read only here: stock and geometry)
     * @return one decision per assessment, in the order the threats were considered
     */
    List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries);

    /**
     * Assigns batteries and lasers. An assigner that does not use lasers refuses them.
     *
     * @param lasers the lasers (read only here: whether they are free, what they reach)
     */
    default List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries, List<Laser> lasers) {
        if (!lasers.isEmpty()) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " does not assign lasers");
        }
        return assign(now, assessments, states, batteries);
    }

    /**
     * Assigns batteries, lasers and guns. An assigner that does not use guns refuses them.
     *
     * @param guns the guns (read only here: whether they are free, what they reach)
     */
    default List<Decision> assign(double now, List<Assessment> assessments, IntFunction<EngagementState> states,
            List<Battery> batteries, List<Laser> lasers, List<Gun> guns) {
        if (!guns.isEmpty()) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " does not assign guns");
        }
        return assign(now, assessments, states, batteries, lasers);
    }
}
