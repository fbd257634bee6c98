package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.sim.CoalitionPicture;
import dev.bulwark.engine.sim.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * scenarios/coalition-april-2024.yaml: sharing never delays a nation's warning and gives some nation
 * strictly earlier warning and a more accurate picture; honest partners raise no alert.
 */
class CoalitionExampleTest {

    @Test
    void sharingWarnsEarlierThanEachNationAlone() throws ScenarioException {
        LoadedScenario s = ScenarioLoader.load(TestFiles.scenarios().resolve("coalition-april-2024.yaml"));
        assertThat(s.coalition().nations()).hasSizeGreaterThanOrEqualTo(3);
        CoalitionPicture.Result r = new CoalitionPicture(s.world(), s.coalition()).run(ProgressListener.NONE);
        for (CoalitionPicture.NationMeasures n : r.nations()) {
            assertThat(n.warningDelaySharedS()).as(n.name()).isLessThanOrEqualTo(n.warningDelayOwnS());
            assertThat(n.seenShared()).as(n.name()).isGreaterThanOrEqualTo(n.seenOwn());
            assertThat(n.gospaShared()).as(n.name()).isLessThanOrEqualTo(n.gospaOwn());
        }
        // the lead nation gains minutes: the partners' radars see the raid long before its own
        CoalitionPicture.NationMeasures israel = r.nation("Israel");
        assertThat(israel.warningDelayOwnS() - israel.warningDelaySharedS()).isGreaterThan(600);
        assertThat(r.alerts()).isEmpty();
        assertThat(r.nations()).allSatisfy(n -> assertThat(n.rejectedTotal()).isZero());
    }
}
