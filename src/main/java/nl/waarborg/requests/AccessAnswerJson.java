package nl.waarborg.requests;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import nl.waarborg.documents.RetentionWording;
import nl.waarborg.documents.TransferWording;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The access answer as JSON (Art. 15(1)-(3) GDPR; docs/requests.md, "The answer"): every section of
 * {@link AccessContext}, each with the point of Art. 15 it answers ({@code article}), then every item of the person's
 * data. Written as a stream: an item is written as it comes from the iterator and then forgotten, so a person with a
 * million items costs no more memory than one with ten. Items are grouped by source and category as they arrive: the
 * caller orders them so (a group starts again whenever the pair changes). Keys are English terms; names and sentences
 * are in the answer's language.
 */
public final class AccessAnswerJson {

    /** The generator leaves the stream open: the caller owns it (it may be a zip entry). */
    static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private AccessAnswerJson() {
    }

    public static void write(AccessAnswerHeader h, AccessContext c, Iterator<AnswerItem> items, OutputStream out) {
        Objects.requireNonNull(items, "items");
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("reference", h.reference());
            g.writeStringProperty("language", h.lang().term());
            g.writeStringProperty("controller", h.controllerName());
            g.writeStringProperty("received", h.received().toString());
            g.writeStringProperty("answeredAt", h.answeredAt().toString());
            g.writeStringProperty("article", "Art. 15 GDPR");
            purposes(g, c);
            categories(g, c);
            recipients(g, c);
            retention(g, c);
            sources(g, c);
            rights(g, c);
            complaint(g, c);
            automated(g, c);
            transfers(g, c);
            kept(g, c);
            long count = data(g, c, items);
            g.writeNumberProperty("itemCount", count);
            g.writeEndObject();
        }
    }

    private static void purposes(JsonGenerator g, AccessContext c) {
        g.writeObjectPropertyStart("purposes");
        g.writeStringProperty("article", "Art. 15(1)(a) GDPR");
        g.writeArrayPropertyStart("items");
        for (AccessContext.PurposeUse x : c.purposes()) {
            g.writeStartObject();
            g.writeStringProperty("id", x.id());
            g.writeStringProperty("name", x.name());
            if (x.basis() == null) {
                g.writeNullProperty("legalBasis");
            } else {
                g.writeObjectPropertyStart("legalBasis");
                g.writeStringProperty("term", x.basis());
                g.writeStringProperty("name", x.basisName());
                g.writeStringProperty("article", x.basisArticle());
                g.writeStringProperty("explained", x.basisExplained());
                g.writeEndObject();
            }
            optional(g, "interest", x.interest());
            optional(g, "law", x.law());
            strings(g, "categories", x.categories());
            strings(g, "recipients", x.recipients());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void categories(JsonGenerator g, AccessContext c) {
        g.writeObjectPropertyStart("categories");
        g.writeStringProperty("article", "Art. 15(1)(b) GDPR");
        g.writeArrayPropertyStart("items");
        for (AccessContext.Category x : c.categories()) {
            g.writeStartObject();
            g.writeStringProperty("id", x.id());
            g.writeStringProperty("name", x.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void recipients(JsonGenerator g, AccessContext c) {
        g.writeObjectPropertyStart("recipients");
        g.writeStringProperty("article", "Art. 15(1)(c) GDPR");
        g.writeArrayPropertyStart("items");
        for (AccessContext.RecipientShare r : c.recipients()) {
            g.writeStartObject();
            g.writeStringProperty("id", r.id());
            g.writeStringProperty("name", r.name());
            optional(g, "role", r.role());
            strings(g, "countries", r.countries());
            g.writeBooleanProperty("outsideEea", r.outsideEea());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void retention(JsonGenerator g, AccessContext c) {
        g.writeObjectPropertyStart("retention");
        g.writeStringProperty("article", "Art. 15(1)(d) GDPR");
        g.writeArrayPropertyStart("items");
        for (AccessContext.Category x : c.categories()) {
            g.writeStartObject();
            g.writeStringProperty("category", x.id());
            g.writeArrayPropertyStart("rules");
            for (RetentionWording.Row r : x.retention()) {
                g.writeStartObject();
                g.writeStringProperty("rule", r.rule());
                strings(g, "what", r.what());
                g.writeStringProperty("howLong", r.howLong());
                g.writeStringProperty("from", r.from());
                g.writeStringProperty("then", r.then());
                strings(g, "keptLonger", r.keptLonger());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void sources(JsonGenerator g, AccessContext c) {
        g.writeObjectPropertyStart("sources");
        g.writeStringProperty("article", "Art. 15(1)(g) GDPR");
        g.writeArrayPropertyStart("items");
        for (AccessContext.Origin s : c.sources()) {
            g.writeStartObject();
            g.writeStringProperty("id", s.id());
            g.writeStringProperty("name", s.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void rights(JsonGenerator g, AccessContext c) {
        g.writeObjectPropertyStart("rights");
        g.writeStringProperty("article", "Art. 15(1)(e) GDPR");
        g.writeArrayPropertyStart("items");
        for (AccessContext.Right r : c.rights()) {
            g.writeStartObject();
            g.writeStringProperty("right", r.right());
            g.writeStringProperty("article", r.article());
            g.writeStringProperty("name", r.name());
            g.writeStringProperty("text", r.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void complaint(JsonGenerator g, AccessContext c) {
        AccessContext.Complaint a = c.complaint();
        if (a == null) {
            g.writeNullProperty("complaint"); // the policy names no authority: left out, not invented
            return;
        }
        g.writeObjectPropertyStart("complaint");
        g.writeStringProperty("article", "Art. 15(1)(f), 77 GDPR");
        g.writeStringProperty("authority", a.authority());
        optional(g, "url", a.url());
        optional(g, "phone", a.phone());
        optional(g, "address", a.address());
        g.writeEndObject();
    }

    private static void automated(JsonGenerator g, AccessContext c) {
        g.writeObjectPropertyStart("automatedDecisions");
        g.writeStringProperty("article", "Art. 15(1)(h), 22 GDPR");
        strings(g, "statements", c.automated());
        g.writeEndObject();
    }

    private static void transfers(JsonGenerator g, AccessContext c) {
        g.writeObjectPropertyStart("transfers");
        g.writeStringProperty("article", "Art. 15(2), Chapter V GDPR");
        g.writeBooleanProperty("noneOutsideEea", c.transfersNone());
        g.writeArrayPropertyStart("items");
        for (TransferWording.Group t : c.transfers()) {
            g.writeStartObject();
            g.writeStringProperty("safeguard", t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            g.writeStringProperty("text", t.sentence());
            strings(g, "to", t.labels());
            optional(g, "explained", t.explained());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void kept(JsonGenerator g, AccessContext c) {
        g.writeObjectPropertyStart("keptAfterErasure");
        g.writeStringProperty("article", "Art. 17(3) GDPR");
        g.writeArrayPropertyStart("items");
        for (KeptData k : c.kept()) {
            g.writeStartObject();
            g.writeStringProperty("source", k.source());
            g.writeStringProperty("category", k.category());
            g.writeNumberProperty("count", k.count());
            g.writeStringProperty("ground", k.ground());
            optional(g, "purpose", k.purpose());
            optional(g, "until", k.until() == null ? null : k.until().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The copy itself (Art. 15(1), 15(3)): groups of source and category as the items come; returns the count. */
    private static long data(JsonGenerator g, AccessContext c, Iterator<AnswerItem> items) {
        g.writeObjectPropertyStart("data");
        g.writeStringProperty("article", "Art. 15(1), 15(3) GDPR");
        g.writeArrayPropertyStart("groups");
        long count = 0;
        String source = null;
        String category = null;
        while (items.hasNext()) {
            AnswerItem i = items.next();
            if (count == 0 || !i.source().equals(source) || !i.category().equals(category)) {
                if (count > 0) {
                    g.writeEndArray();
                    g.writeEndObject();
                }
                source = i.source();
                category = i.category();
                g.writeStartObject();
                g.writeStringProperty("source", source);
                g.writeStringProperty("sourceName", c.systemName(source));
                g.writeStringProperty("category", category);
                g.writeStringProperty("categoryName", c.categoryName(category));
                g.writeArrayPropertyStart("items");
            }
            g.writeStartObject();
            g.writeStringProperty("value", i.value());
            optional(g, "collectedAt", i.collectedAt() == null ? null : i.collectedAt().toString());
            strings(g, "purposes", i.purposes());
            optional(g, "origin", i.origin());
            optional(g, "originName", c.sourceName(i.origin()));
            optional(g, "location", i.location());
            g.writeEndObject();
            count++;
        }
        if (count > 0) {
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        return count;
    }

    private static void optional(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
