package dev.bulwark.scenario.wta;

import dev.bulwark.engine.assign.wta.WtaProblem;
import java.util.List;

/**
 * A weapon-target assignment instance as read from a file: the problem, and the names that the
 * file gives the weapon types and targets (their indices as text when it gives none).
 *
 * @param problem     the problem
 * @param weaponNames one name per weapon type
 * @param targetNames one name per target
 */
public record WtaInstance(WtaProblem problem, List<String> weaponNames, List<String> targetNames) {

    /** Copies the lists and checks their sizes against the problem. */
    public WtaInstance {
        weaponNames = List.copyOf(weaponNames);
        targetNames = List.copyOf(targetNames);
        if (weaponNames.size() != problem.weaponTypes() || targetNames.size() != problem.targets()) {
            throw new IllegalArgumentException("one name per weapon type and per target is needed");
        }
    }
}
