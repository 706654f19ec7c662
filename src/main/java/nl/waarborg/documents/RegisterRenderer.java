package nl.waarborg.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Renders the record of processing activities (Art. 30(1) GDPR) of a policy: one entry per purpose with
 * the controller and its DPO, the purpose, legal basis, categories of subjects, data and recipients,
 * transfers with their safeguards, retention periods and security measures, plus sources, systems and
 * roles. Pure function: no I/O, no clock.
 */
public final class RegisterRenderer {

    private static final int[] WIDTHS = {16, 26, 34, 24, 30, 26, 26, 46, 30, 26, 34, 26, 40, 40, 56, 34, 46, 26, 24, 22};

    private RegisterRenderer() {
    }

    /** The register in the policy's first statement language (Dutch when none is declared). */
    public static byte[] render(Policy policy, RegisterFormat format) {
        Objects.requireNonNull(policy, "policy");
        return render(policy, format, defaultLang(policy));
    }

    /** The register with its headings and texts in the given language. */
    public static byte[] render(Policy policy, RegisterFormat format, Lang lang) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(lang, "lang");
        Phrases p = Phrases.of(lang);
        return switch (format) {
            case CSV -> csv(RegisterTable.build(policy, p));
            case XLSX -> xlsx(RegisterTable.build(policy, p), p, policy);
            case HTML -> HtmlWriter.write(document(policy, p), HtmlWriter.Style.WIDE, null).getBytes(StandardCharsets.UTF_8);
            case JSONLD -> RegisterJsonLd.write(policy, p);
        };
    }

    static Lang defaultLang(Policy policy) {
        return policy.statement() == null || policy.statement().languages().isEmpty() ? Lang.NL
                : policy.statement().languages().get(0);
    }

    // ---- CSV (RFC 4180) ------------------------------------------------------------------------

    private static byte[] csv(RegisterTable t) {
        StringBuilder b = new StringBuilder();
        record(b, t.header);
        for (List<List<String>> row : t.rows) {
            List<String> cells = new ArrayList<>();
            for (List<String> cell : row) {
                cells.add(String.join("\n", cell));
            }
            record(b, cells);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void record(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(csvField(fields.get(i)));
        }
        b.append("\r\n");
    }

    /**
     * One field: quoted when it holds a comma, quote or line break (quotes doubled). A field that a
     * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe (CSV injection).
     */
    static String csvField(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    // ---- XLSX ----------------------------------------------------------------------------------

    private static byte[] xlsx(RegisterTable t, Phrases p, Policy policy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            Workbook wb = new Workbook(out, "Waarborg", "0.1");
            wb.properties().setTitle(p.registerTitle(new Words(policy, p).controllerName()));
            Worksheet ws = wb.newWorksheet(p.lang() == Lang.NL ? "Register art. 30" : "Art. 30 record");
            for (int c = 0; c < t.header.size(); c++) {
                ws.inlineString(0, c, t.header.get(c));
                ws.width(c, c < WIDTHS.length ? WIDTHS[c] : 30);
            }
            ws.range(0, 0, 0, t.header.size() - 1).style().bold().fillColor("DDE7F0").wrapText(true)
                    .verticalAlignment("top").set();
            for (int r = 0; r < t.rows.size(); r++) {
                List<List<String>> row = t.rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    ws.inlineString(r + 1, c, String.join("\n", row.get(c)));
                }
            }
            if (!t.rows.isEmpty()) {
                ws.range(1, 0, t.rows.size(), t.header.size() - 1).style().wrapText(true).verticalAlignment("top").set();
            }
            ws.freezePane(2, 1);
            ws.setAutoFilter(0, 0, t.header.size() - 1);
            ws.pageOrientation("landscape");
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the spreadsheet", e);
        }
        return out.toByteArray();
    }

    // ---- HTML ----------------------------------------------------------------------------------

    private static Doc document(Policy policy, Phrases p) {
        Words w = new Words(policy, p);
        RegisterTable t = RegisterTable.build(policy, p);
        List<Doc.Block> blocks = new ArrayList<>();
        Policy.Statement s = policy.statement();
        blocks.add(new Doc.Para(Doc.Line.of(p.registerIntro(s == null || s.version() == null ? "?" : s.version(),
                s == null ? "" : p.date(s.effective()))), true));
        List<List<Doc.Cell>> rows = new ArrayList<>();
        for (List<List<String>> row : t.rows) {
            List<Doc.Cell> cells = new ArrayList<>();
            for (List<String> cell : row) {
                cells.add(cell.isEmpty() ? Doc.Cell.of("") : Doc.Cell.ofLines(cell));
            }
            rows.add(cells);
        }
        blocks.add(new Doc.Table(t.header, rows));
        return new Doc(p.lang().code(), p.registerTitle(w.controllerName()), blocks);
    }
}
