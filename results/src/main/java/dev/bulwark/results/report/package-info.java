/**
 * The HTML report of a run ({@code report.html}): a {@link dev.bulwark.results.report.ReportCollector}
 * listens to the run, and {@link dev.bulwark.results.report.ReportWriter} writes one self-contained
 * page of hand-written SVG (map and charts) that opens offline. Coastlines and borders come from
 * Natural Earth data bundled as a resource of this package.
 */
package dev.bulwark.results.report;
