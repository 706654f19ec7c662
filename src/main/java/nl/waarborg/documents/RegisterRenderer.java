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
 * the controller, its representative and DPO, joint controllers, the purpose, legal basis, the conditions
 * for special, criminal-offence and national identification data, categories of subjects, data and
 * recipients, transfers with their safeguards, retention periods and security measures, plus sources,
 * systems and roles. And the record a processor keeps of what it does for other controllers (Art. 30(2)),
 * from the policy's {@code as-processor} section. Pure function: no I/O, no clock.
 */
public final class RegisterRenderer {

    /** Column widths of the spreadsheet, in the order of {@link RegisterTable.Column}. */
    private static final int[] WIDTHS = {16, 26, 34, 24, 30, 30, 26, 40, 26, 46, 30, 34, 34, 26, 34, 26, 40, 40, 56, 34,
            46, 26, 24, 22};

    /** Column widths of the processor's spreadsheet, in the order of {@link RegisterTable.ProcessorColumn}. */
    private static final int[] PROCESSOR_WIDTHS = {18, 24, 30, 30, 26, 30, 30, 30, 46, 40, 46, 26};

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
        String title = p.registerTitle(new Words(policy, p).controllerName());
        return switch (format) {
            case CSV -> csv(RegisterTable.build(policy, p));
            case XLSX -> xlsx(RegisterTable.build(policy, p), title,
                    p.registerSheet(), WIDTHS);
            case HTML -> html(RegisterTable.build(policy, p), title, intro(policy, p, p::registerIntro), p);
            case JSONLD -> RegisterJsonLd.write(policy, p);
        };
    }

    /** The register as a document tree in the given language, for a page that lays it out itself (the console). */
    public static Doc document(Policy policy, Lang lang) {
        Objects.requireNonNull(policy, "policy");
        Phrases p = Phrases.of(lang);
        return document(RegisterTable.build(policy, p), p.registerTitle(new Words(policy, p).controllerName()),
                intro(policy, p, p::registerIntro), p);
    }

    /** Whether the policy declares processing done as a processor ({@code as-processor}), so that it has an Art. 30(2) record. */
    public static boolean hasProcessorRegister(Policy policy) {
        return !policy.asProcessor().isEmpty();
    }

    /** The processor's register (Art. 30(2)) in the policy's first statement language. */
    public static byte[] renderProcessor(Policy policy, RegisterFormat format) {
        Objects.requireNonNull(policy, "policy");
        return renderProcessor(policy, format, defaultLang(policy));
    }

    /**
     * The processor's register (Art. 30(2)): one row per controller acted for. Only for a policy that
     * {@linkplain #hasProcessorRegister has one}: callers answer the absence themselves (404, an exit code).
     */
    public static byte[] renderProcessor(Policy policy, RegisterFormat format, Lang lang) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(lang, "lang");
        if (!hasProcessorRegister(policy)) {
            throw new IllegalArgumentException("the policy declares no as-processor activities (Art. 30(2))");
        }
        Phrases p = Phrases.of(lang);
        String title = p.processorRegisterTitle(new Words(policy, p).controllerName());
        return switch (format) {
            case CSV -> csv(RegisterTable.processor(policy, p));
            case XLSX -> xlsx(RegisterTable.processor(policy, p), title,
                    p.processorRegisterSheet(), PROCESSOR_WIDTHS);
            case HTML -> html(RegisterTable.processor(policy, p), title, intro(policy, p, p::processorRegisterIntro), p);
            case JSONLD -> RegisterJsonLd.writeProcessor(policy, p);
        };
    }

    /** The register's opening line: which version of the policy it was derived from. */
    private static String intro(Policy policy, Phrases p, java.util.function.BinaryOperator<String> phrase) {
        Policy.Statement s = policy.statement();
        return phrase.apply(s == null || s.version() == null ? "?" : s.version(), s == null ? "" : p.date(s.effective()));
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
    public static String csvField(String value) {
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

    private static byte[] xlsx(RegisterTable t, String title, String sheet, int[] widths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            Workbook wb = new Workbook(out, "Waarborg", "0.1");
            wb.properties().setTitle(title);
            Worksheet ws = wb.newWorksheet(sheet);
            for (int c = 0; c < t.header.size(); c++) {
                ws.inlineString(0, c, t.header.get(c));
                ws.width(c, c < widths.length ? widths[c] : 30);
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

    private static byte[] html(RegisterTable t, String title, String intro, Phrases p) {
        return HtmlWriter.write(document(t, title, intro, p), HtmlWriter.Style.WIDE, null).getBytes(StandardCharsets.UTF_8);
    }

    private static Doc document(RegisterTable t, String title, String intro, Phrases p) {
        List<Doc.Block> blocks = new ArrayList<>();
        blocks.add(new Doc.Para(Doc.Line.of(intro), true));
        List<List<Doc.Cell>> rows = new ArrayList<>();
        for (List<List<String>> row : t.rows) {
            List<Doc.Cell> cells = new ArrayList<>();
            for (List<String> cell : row) {
                cells.add(cell.isEmpty() ? Doc.Cell.of("") : Doc.Cell.ofLines(cell));
            }
            rows.add(cells);
        }
        blocks.add(new Doc.Table(t.header, rows));
        return new Doc(p.lang().code(), title, blocks);
    }
}
