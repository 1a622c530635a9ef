package dev.kiln.serve;

import dev.kiln.error.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The overlay a broken build puts over every page: each problem with the source lines around it. */
final class ErrorOverlay {

    static final String ID = "kiln-errors";
    private static final int CONTEXT = 2;

    private ErrorOverlay() {}

    /** The overlay's HTML for {@code problems} of the site in {@code root}. */
    static String html(List<Problem> problems, Path root) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<div id=\"").append(ID).append("\" role=\"alert\" style=\"position:fixed;inset:0;")
                .append("z-index:2147483647;overflow:auto;background:rgba(24,24,27,.96);color:#f4f4f5;")
                .append("font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem\">")
                .append("<p style=\"margin:0 0 1rem;font-size:18px;color:#fca5a5\">Kiln: the site has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(". Fix ").append(problems.size() == 1 ? "it" : "them")
                .append(" and save: this page reloads by itself.</p>");
        for (Problem p : problems) {
            out.append("<section style=\"margin:0 0 1.5rem\"><p style=\"margin:0;color:#fde68a\">")
                    .append(escape(p.path() + ":" + p.line() + ":" + p.column())).append("</p>")
                    .append("<p style=\"margin:.25rem 0;white-space:pre-wrap\">").append(escape(p.message())).append("</p>");
            String excerpt = excerpt(root, p);
            if (!excerpt.isEmpty()) {
                out.append("<pre style=\"margin:0;padding:.5rem;background:#27272a;color:#e4e4e7;border:0;border-radius:4px;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow:auto\">")
                        .append(excerpt).append("</pre>");
            }
            out.append("</section>");
        }
        return out.append("</div>").toString();
    }

    /** The lines around the problem, numbered, the problem's line marked; "" when the file cannot be read. */
    private static String excerpt(Path root, Problem p) {
        Path file = root.resolve(p.path()).normalize();
        if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            int from = Math.max(1, p.line() - CONTEXT);
            int to = Math.min(lines.size(), p.line() + CONTEXT);
            for (int n = from; n <= to; n++) {
                String mark = n == p.line() ? "&gt;" : " ";
                out.append(mark).append(String.format(" %4d | ", n)).append(escape(lines.get(n - 1))).append('\n');
                if (n == p.line()) {
                    out.append("       | ").append(" ".repeat(Math.max(0, p.column() - 1))).append("^\n");
                }
            }
            return out.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
