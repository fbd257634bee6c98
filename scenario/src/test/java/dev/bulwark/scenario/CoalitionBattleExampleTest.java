package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.metrics.RunSummary;
import dev.bulwark.engine.sim.CoalitionPicture;
import dev.bulwark.engine.sim.ProgressListener;
import dev.bulwark.engine.sim.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test "sharing gives earlier warning and fewer leaks than each nation alone", on the
 * small coalition scenario src/test/resources/coalition/forward-radar.yaml (a forward radar of one
 * nation, the battery of another). The full example, scenarios/coalition-april-2024.yaml, is run by
 * hand (docs/models/coalition.md): there sharing warns earlier but does not reduce leaks, because
 * its only battery, not its picture, limits the defence.
 */
class CoalitionBattleExampleTest {

    @Test
    void sharingGivesEarlierWarningAndFewerLeaksThanEachNationAlone() throws ScenarioException {
        LoadedScenario s = ScenarioLoader.load(TestFiles.resource("coalition/forward-radar.yaml"));
        CoalitionPicture.Result picture = new CoalitionPicture(s.world(), s.coalition()).run(ProgressListener.NONE);
        CoalitionPicture.NationMeasures east = picture.nation("East");
        assertThat(east.warningDelaySharedS()).isLessThan(east.warningDelayOwnS() - 5);
        Simulation shared = new Simulation(s.world(), s.coalition(), true);
        RunSummary withSharing = shared.run(ProgressListener.NONE);
        Simulation alone = new Simulation(s.world(), s.coalition(), false);
        RunSummary eachAlone = alone.run(ProgressListener.NONE);
        assertThat(withSharing.leaked()).as("leaks with sharing, alone: %d", eachAlone.leaked())
                .isLessThan(eachAlone.leaked());
        assertThat(withSharing.intercepted()).isGreaterThan(eachAlone.intercepted());
        assertThat(shared.alerts()).isEmpty();
        List<Simulation.NationBattle> nations = shared.nations();
        assertThat(nations).extracting(Simulation.NationBattle::name).containsExactly("West", "East");
        assertThat(nations.get(0).interceptors()).isZero();
        assertThat(nations.get(1).interceptors()).isEqualTo(withSharing.interceptorsFired());
    }
}
