package dev.bulwark.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.engine.assign.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasuresTest {

    @Test
    void ratiosAreDefinedAgainstTheRightDenominators() {
        var s = Fixtures.summary();
        assertThat(Measures.shareEngaged(s).getAsDouble()).isCloseTo(27.0 / 120, within(1e-15));
        assertThat(Measures.interceptionRate(s).getAsDouble()).isCloseTo(24.0 / 27, within(1e-15));
        assertThat(Measures.leakRate(s).getAsDouble()).isCloseTo(3.0 / 30, within(1e-15));
        // interceptors, laser shots and gun rounds all count as the defence's cost
        assertThat(Measures.costExchangeRatio(s).getAsDouble()).isCloseTo(506_762.0 / 96_000, within(1e-12));
        assertThat(Measures.ratio(1, 0)).isEmpty();
    }

    @Test
    void notEngagedReasonsListEveryReasonInDeclarationOrderThenOthers() {
        List<String> expected = new ArrayList<>();
        for (Reason r : Reason.values()) {
            if (r != Reason.ENGAGED) {
                expected.add(r.key());
            }
        }
        expected.add("zz_future_reason");
        Map<String, Integer> reasons = Measures.notEngagedReasons(Fixtures.summary());
        assertThat(reasons.keySet()).containsExactlyElementsOf(expected);
        assertThat(reasons).containsEntry("no_stock", 2).containsEntry("never_tracked", 1)
                .containsEntry("zz_future_reason", 1).containsEntry("open_ground", 0);
    }
}
