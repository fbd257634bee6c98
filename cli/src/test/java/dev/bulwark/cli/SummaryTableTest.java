package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.metrics.RunSummary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void theTableIsAlignedAndComplete() {
        assertThat(SummaryTable.render(Fakes.summary(7))).isEqualTo("""
                Scenario Fake front, seed 7

                  Threats launched                            1,200
                    bound for defended areas                     40     3.3% of launched
                    bound for open ground                     1,160    96.7% of launched
                  Engaged                                        19     1.6% of launched
                    although bound for open ground                2
                  Intercepted                                    17    89.5% of engaged (interception rate)
                  Leaked into defended areas                      1     2.5% of those bound for defended areas
                    Sderot                                        1
                    Netivot                                       0
                    Barzilai hospital                             0
                  Fell in open ground                         1,158
                  Still in flight at the end                      0
                  Bound for defended areas, not engaged           4   why:
                    no stock                                      3
                    never tracked                                 1
                  Interceptors fired                             21
                    battery-north                                 9
                    battery-south                                12
                  Interceptor cost (USD)                  1,050,000
                  Threat cost (USD)                         900,000
                  Cost exchange ratio                          1.17   interceptor cost / threat cost
                """);
    }

    @Test
    void gunBurstsRoundsAndCostAreShownAndCountInTheRatio() {
        RunSummary f = Fakes.summary(7);
        RunSummary withGun = new RunSummary(f.scenario(), f.seed(), f.launched(), f.boundForDefended(),
                f.boundForOpen(), f.engaged(), f.intercepted(), f.leaksByArea(), f.fellInOpenGround(),
                f.engagedBoundForOpen(), f.interceptorsFired(), f.interceptorCostUsd(), f.threatCostUsd(),
                f.inFlightAtEnd(), f.notEngagedReasons(), f.interceptorsByBattery(), f.plots(), f.tracksConfirmed(), 0,
                0.0, 4, 300, 9_000.0, f.tracking());
        String table = SummaryTable.render(withGun);
        assertThat(table).containsPattern("Gun bursts +4   300 rounds\n")
                .containsPattern("Gun cost \\(USD\\) +9,000\n")
                .containsPattern("Cost exchange ratio +1.18   \\(interceptor \\+ gun cost\\) / threat cost");
    }

    @Test
    void emptyRunsShowNoPercentagesAndNoRatio() {
        RunSummary empty = new RunSummary("Nothing", 1, 0, 0, 0, 0, 0, Map.of("Town", 0), 0, 0, 0, 0, 0, 0, Map.of(),
                Map.of("b1", 0), 0, 0);
        String table = SummaryTable.render(empty);
        assertThat(table).doesNotContain("%").doesNotContain("NaN").doesNotContain("why:");
        assertThat(table).containsPattern("Cost exchange ratio +n/a");
        assertThat(table.lines()).allMatch(l -> l.equals(l.stripTrailing()));
    }
}
