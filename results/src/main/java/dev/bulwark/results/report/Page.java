package dev.bulwark.results.report;

/**
 * The frame shared by Bulwark's HTML pages (the run report, the Monte Carlo page, the sweep
 * page): the document head with its inline style sheet, and nothing else from outside. Pages
 * are also well-formed XML.
 */
final class Page {

    static final String CSS = """
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 940px; color: #222; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
            .meta, footer { color: #555; }
            table { border-collapse: collapse; }
            td, th { padding: 2px 10px; border-bottom: 1px solid #eee; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            svg { display: block; background: #fff; }
            svg text { font: 11px system-ui, sans-serif; fill: #333; }
            svg .grid { stroke: #e6e6e6; }
            svg .frame { fill: none; stroke: #999; }
            svg .errorbar { fill: none; stroke-width: 1.2; }
            svg text.axis { font-size: 12px; }
            svg text.maplabel { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
            .legend .sw { display: inline-block; width: 14px; height: 4px; vertical-align: middle; margin: 0 4px 0 8px; }
            """;

    private Page() {
    }

    /** Opens the document: doctype, head with {@code <title>title</title>} and the style sheet, and {@code <body>}. */
    static void head(StringBuilder sb, String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .append(Svg.esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    }

    /** Closes the document with a footer paragraph (already escaped HTML). */
    static void foot(StringBuilder sb, String footerHtml) {
        sb.append("<footer>\n<p>").append(footerHtml).append("</p>\n</footer>\n</body>\n</html>\n");
    }
}
