package nl.waarborg.systems.webhook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.systems.SubjectLinks;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON bodies Waarborg posts to a webhook system and reads back (docs/systems.md, and the OpenAPI document's
 * {@code webhooks}). Each carries no more personal data than its operation needs: a sweep none (the system applies
 * the rules it is sent), an erasure or export only the subject's links (references and identifiers), a
 * rectification those and the one new value.
 */
final class WebhookMessages {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private WebhookMessages() {}

    static String callbackPath(String system) {
        return "/api/v1/systems/" + system + "/callback";
    }

    static byte[] sweep(Policy policy, String system, SweepRequest request) {
        Map<String, Object> body = head("sweep", request.operationId(), system);
        body.put("now", request.now().toString());
        body.put("dryRun", request.dryRun());
        body.put("rules", rules(policy, system));
        // a held subject's data stays, whatever the rules say (Art. 17(3)(e), 18); the system finds it by these
        body.put("held", request.dryRun() ? List.of() : request.subjects().underHold().stream()
                .map(WebhookMessages::links).toList());
        return JSON.writeValueAsBytes(body);
    }

    static byte[] subject(String type, String operation, String system, SubjectLinks subject) {
        Map<String, Object> body = head(type, operation, system);
        body.put("subject", links(subject));
        return JSON.writeValueAsBytes(body);
    }

    static byte[] rectify(String operation, String system, SubjectLinks subject, String category, String value) {
        Map<String, Object> body = head("rectify", operation, system);
        body.put("subject", links(subject));
        body.put("category", category);
        body.put("value", value);
        return JSON.writeValueAsBytes(body);
    }

    private static Map<String, Object> head(String type, String operation, String system) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("operation", operation);
        body.put("system", system);
        body.put("callback", callbackPath(system));
        return body;
    }

    private static Map<String, Object> links(SubjectLinks subject) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (subject.subject() != null) {
            s.put("id", subject.subject().toString());
        }
        List<Map<String, String>> references = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (SubjectLinks.Link l : subject.links()) {
            switch (l.kind()) {
                case REFERENCE -> {
                    Map<String, String> r = new LinkedHashMap<>();
                    r.put("scheme", l.scheme() == null ? "" : l.scheme());
                    r.put("value", l.value());
                    references.add(r);
                }
                case EMAIL -> emails.add(l.value());
                case PHONE -> phones.add(l.value());
            }
        }
        s.put("references", references);
        s.put("emails", emails);
        s.put("phones", phones);
        return s;
    }

    /**
     * The retention rules covering data of this system: those scoped to a purpose that lists it (or to no purpose)
     * whose data categories that purpose uses, each with the categories it covers here.
     */
    static List<Map<String, Object>> rules(Policy policy, String system) {
        Set<String> purposes = new HashSet<>();
        Set<String> data = new HashSet<>();
        for (Policy.Purpose p : policy.purposes()) {
            if (p.systems().contains(system)) {
                purposes.add(p.id());
                data.addAll(p.data());
            }
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Policy.RetentionRule r : policy.retention()) {
            if (!r.purposes().isEmpty() && r.purposes().stream().noneMatch(purposes::contains)) {
                continue;
            }
            List<String> categories = r.data().stream().filter(data::contains).toList();
            if (categories.isEmpty()) {
                continue;
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", r.id());
            rule.put("categories", categories);
            rule.put("subjectCategories", r.subjects());
            rule.put("period", r.period() == null ? null : r.period().raw());
            rule.put("start", switch (r.start()) {
                case RetentionStart.AtCollection c -> Map.of("collection", true);
                case RetentionStart.AfterEvents e -> Map.of("events", e.events());
                case RetentionStart.AtItemDate d -> Map.of("itemDate", d.date());
                case null -> Map.of("collection", true);
            });
            if (r.round() != null) {
                rule.put("round", r.round().term());
            }
            if (r.consentBound()) {
                rule.put("whileConsent", r.whileConsent());
            }
            rule.put("end", r.end() == null ? "delete" : r.end().term());
            rules.add(rule);
        }
        return rules;
    }

    /**
     * What a system answered (at once with 2xx, or later on the callback endpoint): {@code status} done, partial or
     * failed, {@code counts} per category, {@code digest} of the keys erased, {@code cause} a code (a system's cause
     * that is no code is not kept: it could hold a value), {@code values} an export's values.
     */
    static SystemResult result(String system, byte[] body) {
        JsonNode n = JSON.readTree(body);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("the answer is not a JSON object");
        }
        Map<String, Long> counts = new TreeMap<>();
        n.path("counts").properties().forEach(e -> {
            if (e.getValue().isIntegralNumber() && e.getValue().asLong() >= 0) {
                counts.put(e.getKey(), e.getValue().asLong());
            }
        });
        String digest = n.path("digest").isString() && n.path("digest").asString().matches("[0-9a-f]{64}")
                ? n.path("digest").asString() : null;
        String cause = n.path("cause").isString() && CODE.matcher(n.path("cause").asString()).matches()
                ? n.path("cause").asString() : "unspecified";
        return switch (n.path("status").asString("")) {
            case "done" -> {
                List<SystemResult.ExportedValue> values = new ArrayList<>();
                n.path("values").forEach(v -> values.add(new SystemResult.ExportedValue(v.path("table").asString(system),
                        v.path("field").asString(null), v.path("category").asString(null), v.path("value").asString(null))));
                yield new SystemResult.Done(system, counts, digest, values);
            }
            case "partial" -> new SystemResult.Partial(system, counts, digest, "reported-" + cause + ": system " + system
                    + " did part of it");
            case "failed" -> new SystemResult.Failed(system, "reported-" + cause + ": system " + system + " reported a failure");
            default -> throw new IllegalArgumentException("`status` is done, partial or failed");
        };
    }
}
