package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theLineShowsShareSimClockAndWallTime() {
        assertThat(ProgressBar.line(43_200, 86_400, 4.2))
                .isEqualTo("[##########----------]  50%  sim 12:00:00 / 24:00:00  elapsed 0:04");
        assertThat(ProgressBar.line(0, 60, 0)).startsWith("[--------------------]   0%");
        assertThat(ProgressBar.line(90, 60, 3725)).startsWith("[####################] 100%").endsWith("elapsed 1:02:05");
        assertThat(ProgressBar.clock(200_000)).isEqualTo("55:33:20");
    }

    @Test
    void itWaitsHalfASecondThenRedrawsAtMostTenTimesASecondAndErasesItself() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), now::get, true);
        bar.onProgress(10, 100);
        assertThat(text.toString()).isEmpty();
        now.set(600_000_000L);
        bar.onProgress(20, 100);
        for (int i = 0; i < 1000; i++) {
            bar.onProgress(20 + i * 0.01, 100);
        }
        assertThat(text.toString().chars().filter(c -> c == '\r').count()).isEqualTo(1);
        now.set(750_000_000L);
        bar.onProgress(50, 100);
        assertThat(text.toString().chars().filter(c -> c == '\r').count()).isEqualTo(2);
        bar.finish();
        String all = text.toString();
        assertThat(all).doesNotContain("\n").endsWith("\r");
        assertThat(all.substring(all.lastIndexOf('\r', all.length() - 2) + 1).trim()).isEmpty();
    }

    @Test
    void whenDisabledItWritesNothing() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), () -> now.addAndGet(1_000_000_000L), false);
        for (int i = 0; i < 100; i++) {
            bar.onProgress(i, 100);
        }
        bar.finish();
        assertThat(text.toString()).isEmpty();
    }
}
