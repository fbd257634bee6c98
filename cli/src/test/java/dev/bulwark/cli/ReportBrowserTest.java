package dev.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bulwark.results.Measures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report of {@code scenarios/tiny.yaml}, written by {@code bulwark run --out}, and the pages
 * of a Monte Carlo study and of a sweep of it, opened from {@code file:} URLs in headless
 * Chromium: each loads with no console error and no request, and its map and charts are there,
 * drawn, and hold data marks.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; other paths with {@code -Dbulwark.chromium=...} and
 * {@code -Dbulwark.chromedriver=...}), which {@code .ci/run} installs. Without them the test
 * fails and says so; it is skipped only when asked explicitly with
 * {@code -Dbulwark.skipBrowserTests=true}.
 */
class ReportBrowserTest {

    static final List<String> CHARTS = List.of("chart-timeline", "chart-stock", "chart-leaks", "chart-cost",
            "chart-tracks");

    @TempDir
    Path dir;

    /** Fails (or skips, when asked explicitly) unless Chromium and its driver are installed. */
    private static String[] browser() {
        String chromium = System.getProperty("bulwark.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("bulwark.chromedriver", "/usr/bin/chromedriver");
        boolean present = Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver));
        if (!present) {
            String why = "the browser test needs Debian's chromium and chromium-driver (" + chromium + ", "
                    + chromedriver + "): install them with 'apt-get install -y chromium chromium-driver' (.ci/run does)";
            Assumptions.assumeFalse(Boolean.getBoolean("bulwark.skipBrowserTests"), "skipped on request: " + why);
            fail(why + ", or skip this test explicitly with -Dbulwark.skipBrowserTests=true");
        }
        return new String[] {chromium, chromedriver};
    }

    /** What is checked on a page once it has loaded without console errors or requests. */
    @FunctionalInterface
    private interface PageCheck {
        void check(ChromeDriver driver, JavascriptExecutor js) throws IOException;
    }

    /**
     * Opens a page from a {@code file:} URL in headless Chromium, checks that it loads completely
     * with the given title, logs no error and fetches nothing, then runs {@code check}.
     */
    private void inBrowser(Path page, String titlePrefix, PageCheck check) throws IOException {
        String[] paths = browser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(paths[0]);
        // the flags known to work on the build machines: no sandbox as root, and no background
        // connections, which the closed network refuses
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1000,1200",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(paths[1])).usingAnyFreePort().build();

        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.get(page.toUri().toString());
            JavascriptExecutor js = driver;
            assertThat(js.executeScript("return document.readyState")).isEqualTo("complete");
            assertThat(driver.getTitle()).startsWith(titlePrefix);

            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(severe).as("console errors").isEmpty();
            // nothing fetched: no image, style sheet, font or script besides the page itself
            assertThat(js.executeScript("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
            check.check(driver, js);
        } finally {
            driver.quit();
        }
    }

    @Test
    void theTinyReportLoadsWithoutErrorsAndShowsItsMapAndCharts() throws IOException {
        browser();
        Fakes.Result r = Fakes.run(null, "run", EndToEndTest.tinyScenario().toString(), "--out",
                dir.resolve("run").toString(), "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        Path report = dir.resolve("run/report.html");
        assertThat(report).isRegularFile();

        inBrowser(report, "Bulwark report: ", (driver, js) -> {
            WebElement map = driver.findElement(By.id("map"));
            assertDrawn(map, "map");
            assertThat(driver.findElements(By.cssSelector("#map .defended-area"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("#map .battery"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("#map .radar"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("#map .paths polyline"))).hasSize(6);
            Number landWidth = (Number) js.executeScript("return document.querySelector('#map .land').getBBox().width");
            assertThat(landWidth.doubleValue()).as("land drawn on the map").isPositive();
            for (String id : CHARTS) {
                assertDrawn(driver.findElement(By.id(id)), id);
            }
            // for a person to look at after the build
            Files.write(Path.of("target", "report-browser-test.png"), driver.getScreenshotAs(OutputType.BYTES));

            // the console check can fail: an error logged now is seen
            js.executeScript("console.error('bulwark-probe')");
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                    .anyMatch(e -> e.getLevel() == Level.SEVERE && e.getMessage().contains("bulwark-probe"));
        });
    }

    @Test
    void theMonteCarloPageShowsAHistogramOfEveryKeyMeasure() throws IOException {
        browser();
        Fakes.Result r = Fakes.run(null, "montecarlo", EndToEndTest.tinyScenario().toString(), "--runs", "8", "--out",
                dir.resolve("mc").toString(), "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        inBrowser(dir.resolve("mc/montecarlo.html"), "Bulwark Monte Carlo: ", (driver, js) -> {
            for (String measure : Measures.KEY.keySet()) {
                if (measure.equals("cost_exchange_ratio") || measure.equals("leak_rate")) {
                    assertThat(driver.findElements(By.id(chartId("hist-", measure)))).hasSize(1);
                    continue; // defined in every replication of the tiny scenario, but possibly all in one bar
                }
                assertDrawn(driver.findElement(By.id(chartId("hist-", measure))), measure);
            }
            assertThat(driver.findElements(By.cssSelector("#estimates tr"))).hasSizeGreaterThan(20);
            Files.write(Path.of("target", "montecarlo-browser-test.png"), driver.getScreenshotAs(OutputType.BYTES));
        });
    }

    @Test
    void theSweepPageShowsAChartOfEveryKeyMeasureWithErrorBars() throws IOException {
        browser();
        Path file = Files.writeString(dir.resolve("tiny-sweep.yaml"), Files.readString(EndToEndTest.tinyScenario())
                + "\nsweep:\n  - {parameter: rounds_per_launcher, values: [1, 2, 20]}\n"
                + "  - {parameter: raid_count, values: [3, 6]}\n");
        Fakes.Result r = Fakes.run(null, "sweep", file.toString(), "--runs", "3", "--out",
                dir.resolve("sweep").toString(), "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        inBrowser(dir.resolve("sweep/sweep.html"), "Bulwark sweep: ", (driver, js) -> {
            for (String measure : Measures.KEY.keySet()) {
                WebElement chart = driver.findElement(By.id(chartId("sweep-", measure)));
                assertDrawn(chart, measure);
                // one line per raid count, one point per grid point
                assertThat(chart.findElements(By.cssSelector("g.series"))).as(measure).hasSize(2);
                assertThat(chart.findElements(By.cssSelector("circle.data"))).as(measure).hasSize(6);
            }
            assertThat(driver.findElements(By.cssSelector("#grid tr"))).hasSize(7);
            Files.write(Path.of("target", "sweep-browser-test.png"), driver.getScreenshotAs(OutputType.BYTES));
        });
    }

    private static String chartId(String prefix, String measure) {
        return prefix + measure.replace('_', '-');
    }

    /** Displayed, of non-zero size, and holding at least one data mark of non-zero size. */
    private static void assertDrawn(WebElement svg, String id) {
        assertThat(svg.isDisplayed()).as(id + " displayed").isTrue();
        Rectangle box = svg.getRect();
        assertThat(box.getWidth()).as(id + " width").isPositive();
        assertThat(box.getHeight()).as(id + " height").isPositive();
        List<WebElement> marks = svg.findElements(By.cssSelector(".data"));
        assertThat(marks).as(id + " data marks").isNotEmpty();
        assertThat(marks).as(id + " has a visible data mark")
                .anyMatch(m -> m.getRect().getWidth() > 0 || m.getRect().getHeight() > 0);
    }
}
