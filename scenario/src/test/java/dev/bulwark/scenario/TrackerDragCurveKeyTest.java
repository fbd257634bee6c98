package dev.bulwark.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.engine.flight.DragTable;
import dev.bulwark.engine.flight.ThreatType;
import dev.bulwark.engine.track.DragCurve;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracker.drag_curve}: the shape of the named threat type's drag table, or none. */
class TrackerDragCurveKeyTest {

    @TempDir
    Path dir;

    private LoadedScenario load(String extra) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, Files.readString(TestFiles.resource("valid/base.yaml")) + extra);
        return ScenarioLoader.load(file);
    }

    @Test
    void theCurveIsTheNamedTypesTableOverItsFirstCoefficient() throws Exception {
        DragCurve c = load("tracker:\n  motion_model: ballistic_estimated_drag\n  drag_curve: grad-122\n").world()
                .tracker().dragCurve();
        DragTable grad = ((ThreatType) ThreatCatalogue.builtIn().get("grad-122")).drag();
        assertThat(c.mach()).hasSize(grad.size());
        for (int i = 0; i < grad.size(); i++) {
            assertThat(c.mach()[i]).isEqualTo(grad.mach(i));
            assertThat(c.relative()[i]).isEqualTo(grad.cdAt(i) / grad.cdAt(0));
        }
    }

    @Test
    void withoutTheKeyThereIsNoCurve() throws Exception {
        assertThat(load("tracker:\n  motion_model: ballistic_estimated_drag\n").world().tracker().dragCurve())
                .isNull();
        assertThat(load("").world().tracker().dragCurve()).isNull();
    }
}
