package nl.waarborg.breaches.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register as the AP may ask for it (Art. 33(5) GDPR: "shall enable the supervisory authority to verify
 * compliance"): every breach's current version, one row each, as CSV (RFC 4180), XLSX (fastexcel, as the policy
 * register is) or JSON (the API's view, complete). The full history is per breach under {@code /versions}.
 */
final class BreachExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> HEADER = List.of("reference", "version", "title", "summary", "role", "occurredAt",
            "occurredUntil", "detectedAt", "awareAt", "processorToldAt", "awarenessDelayReason", "due", "dueLocal",
            "clockState", "nature", "actions", "systems", "dataCategories", "specialCategories", "approximatePeople",
            "approximateRecords", "processor", "otherOrganisations", "countries", "crossBorder", "measuresTaken",
            "measuresPlanned", "ongoing", "riskLevel", "riskReasoning", "enisaScore", "enisaLevel", "exemption",
            "notifyAuthority", "authorityReason", "notifySubjects", "subjectsReason", "notifications", "open",
            "closedAt");

    private BreachExport() {
    }

    static List<String> row(BreachView v) {
        var a = v.assessment();
        var d = v.decisions();
        return java.util.Arrays.asList(v.reference(), Integer.toString(v.version()), v.title(), v.summary(), v.role(),
                s(v.occurredAt()), s(v.occurredUntil()), s(v.detectedAt()), s(v.awareAt()), s(v.processorToldAt()),
                v.awarenessDelayReason(), s(v.clock().due()), v.clock().dueLocal(), v.clock().state(),
                String.join(" ", v.nature()), String.join(" ", v.actions()), String.join(" ", v.systems()),
                String.join(" ", v.dataCategories()), String.join(" ", v.specialCategories()),
                v.approximatePeople() == null ? "unknown" : v.approximatePeople().toString(),
                v.approximateRecords() == null ? "unknown" : v.approximateRecords().toString(), v.processor(),
                v.otherOrganisations(), String.join(" ", v.countries()), Boolean.toString(v.crossBorder()),
                v.measuresTaken(), v.measuresPlanned(), Boolean.toString(v.ongoing()),
                a == null ? null : a.level(), a == null ? null : a.reasoning(),
                a == null || a.severity() == null ? null : Double.toString(a.severity().score()),
                a == null || a.severity() == null ? null : a.severity().level(),
                v.exemption() == null ? null : (v.exemption().granted() ? "granted" : "refused") + ": " + v.exemption().reason(),
                d.notifyAuthority() == null ? null : d.notifyAuthority() ? "yes" : "no", d.authorityReason(),
                d.notifySubjects(), d.subjectsReason(),
                v.notifications().stream().map(n -> n.phase() + " " + n.sentAt() + (n.number() == null ? "" : " " + n.number())
                        + (n.late() ? " late" : "")).collect(Collectors.joining("; ")),
                Boolean.toString(v.open()), s(v.closedAt()));
    }

    private static String s(Object o) {
        return o == null ? null : o.toString();
    }

    static byte[] json(List<BreachView> views) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(views);
    }

    static byte[] csv(List<BreachView> views) {
        StringBuilder b = new StringBuilder();
        record(b, HEADER);
        views.forEach(v -> record(b, row(v)));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void record(StringBuilder b, List<String> fields) {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(field(f)));
        b.append(String.join(",", out)).append("\r\n");
    }

    /** Quoted when needed; a formula gets a leading apostrophe (CSV injection): the register's own CSV rule. */
    static String field(String value) {
        return nl.waarborg.documents.RegisterRenderer.csvField(value);
    }

    static byte[] xlsx(List<BreachView> views) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            Workbook wb = new Workbook(out, "Waarborg", "0.1");
            wb.properties().setTitle("Breach register (Art. 33(5) GDPR)");
            Worksheet ws = wb.newWorksheet("Breaches");
            for (int c = 0; c < HEADER.size(); c++) {
                ws.inlineString(0, c, HEADER.get(c));
                ws.width(c, 24);
            }
            ws.range(0, 0, 0, HEADER.size() - 1).style().bold().fillColor("DDE7F0").set();
            for (int r = 0; r < views.size(); r++) {
                List<String> row = row(views.get(r));
                for (int c = 0; c < row.size(); c++) {
                    if (row.get(c) != null) {
                        ws.inlineString(r + 1, c, row.get(c));
                    }
                }
            }
            ws.freezePane(1, 1);
            ws.setAutoFilter(0, 0, HEADER.size() - 1);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
