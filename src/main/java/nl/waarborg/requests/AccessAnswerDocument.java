package nl.waarborg.requests;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import nl.waarborg.documents.Doc;
import nl.waarborg.documents.Phrases;
import nl.waarborg.documents.RetentionWording;
import nl.waarborg.documents.TransferWording;

/**
 * The access answer as a document for people (HTML or PDF through {@link nl.waarborg.documents.DocRenderer}): the same
 * sections as {@link AccessAnswerJson}, in the same order of Art. 15, and the person's data as tables per source and
 * category. A document meant to be read lists at most {@code maxItems} items and says how many more the JSON holds; the
 * rest of the iterator is only counted, so memory stays bounded by {@code maxItems}.
 */
public final class AccessAnswerDocument {

    /** The organisation's zone by default (waarborg.zone): days and times of collection are shown as they were there. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

    private AccessAnswerDocument() {
    }

    public static Doc doc(AccessAnswerHeader h, AccessContext c, Iterator<AnswerItem> items, int maxItems) {
        return doc(h, c, items, maxItems, DEFAULT_ZONE);
    }

    /** As {@link #doc(AccessAnswerHeader, AccessContext, Iterator, int)}, with days and times in {@code zone}. */
    public static Doc doc(AccessAnswerHeader h, AccessContext c, Iterator<AnswerItem> items, int maxItems, ZoneId zone) {
        if (maxItems < 0) {
            throw new IllegalArgumentException("maxItems " + maxItems);
        }
        return new Builder(h, c, zone).build(items, maxItems);
    }

    private static final class Builder {
        private final AccessAnswerHeader h;
        private final AccessContext c;
        private final AnswerWords words;
        private final Phrases phrases;
        private final ZoneId zone;
        private final DateTimeFormatter day;
        private final DateTimeFormatter moment;
        private final List<Doc.Block> out = new ArrayList<>();

        Builder(AccessAnswerHeader h, AccessContext c, ZoneId zone) {
            this.h = h;
            this.c = c;
            this.words = AnswerWords.of(c.lang());
            this.phrases = Phrases.of(c.lang());
            this.zone = zone;
            Locale locale = Locale.forLanguageTag(c.lang().term());
            this.day = DateTimeFormatter.ofPattern("d MMMM uuuu", locale);
            this.moment = DateTimeFormatter.ofPattern("d MMMM uuuu HH:mm", locale);
        }

        Doc build(Iterator<AnswerItem> items, int maxItems) {
            para(words.text("intro", day.format(h.received()), day.format(h.answeredAt().atZone(zone)), h.reference()));
            para(words.text("intro.json"));
            data(items, maxItems);
            purposes();
            categories();
            recipients();
            retention();
            sources();
            automated();
            transfers();
            kept();
            rights();
            complaint();
            para(words.text("closing"));
            para(h.controllerName() == null ? "" : h.controllerName());
            return new Doc(c.lang().term(), words.text("title", h.reference()), out);
        }

        /** Art. 15(1), 15(3): a table per source and category, as the items come, up to {@code maxItems} rows. */
        private void data(Iterator<AnswerItem> items, int maxItems) {
            h2("data", "section.data");
            para(words.text("section.data.intro"));
            List<String> header = List.of(words.text("data.value"), words.text("data.collected"),
                    words.text("data.purposes"), words.text("data.origin"), words.text("data.location"));
            long shown = 0;
            long total = 0;
            String source = null;
            String category = null;
            List<List<Doc.Cell>> rows = new ArrayList<>();
            while (items.hasNext()) {
                AnswerItem i = items.next();
                total++;
                if (shown >= maxItems) {
                    continue; // only counted: the JSON holds it
                }
                if (shown == 0 || !i.source().equals(source) || !i.category().equals(category)) {
                    table(header, rows);
                    source = i.source();
                    category = i.category();
                    out.add(new Doc.Heading(3, "data-" + source + "-" + category,
                            words.text("data.group", c.systemName(source), c.categoryName(category))));
                }
                rows.add(List.of(Doc.Cell.of(i.value() == null ? "—" : i.value()),
                        Doc.Cell.of(i.collectedAt() == null ? "—" : moment.format(i.collectedAt().atZone(zone))),
                        Doc.Cell.of(i.purposes().isEmpty() ? "—" : phrases.list(i.purposes().stream()
                                .map(this::purposeName).toList())),
                        Doc.Cell.of(i.origin() == null ? "—" : c.sourceName(i.origin())),
                        Doc.Cell.of(i.location() == null ? "—" : i.location())));
                shown++;
            }
            table(header, rows);
            if (total == 0) {
                para(words.text("data.none"));
            } else if (total > shown) {
                para(words.text("data.more", shown, total - shown, total));
            }
        }

        private void table(List<String> header, List<List<Doc.Cell>> rows) {
            if (!rows.isEmpty()) {
                out.add(new Doc.Table(header, rows));
                rows.clear();
            }
        }

        private String purposeName(String id) {
            return c.purposes().stream().filter(x -> x.id().equals(id)).map(AccessContext.PurposeUse::name).findFirst()
                    .orElse(id);
        }

        /** Art. 15(1)(a): each purpose with the data it uses, its legal ground and article, and the recipients. */
        private void purposes() {
            h2("purposes", "section.purposes");
            para(words.text("section.purposes.intro"));
            for (AccessContext.PurposeUse x : c.purposes()) {
                out.add(new Doc.Heading(3, "purpose-" + x.id(), x.name()));
                List<Doc.Line> facts = new ArrayList<>();
                facts.add(Doc.Line.of(words.text("purpose.data",
                        phrases.list(x.categories().stream().map(c::categoryName).toList()))));
                facts.add(Doc.Line.of(x.basis() == null ? words.text("purpose.basis-missing")
                        : words.text("purpose.basis", x.basisName(), x.basisArticle()) + " " + x.basisExplained()));
                if (x.interest() != null) {
                    facts.add(Doc.Line.of(x.interest()));
                }
                if (x.law() != null) {
                    facts.add(Doc.Line.of(x.law()));
                }
                out.add(new Doc.Bullets(facts));
            }
        }

        private void categories() {
            h2("categories", "section.categories");
            para(words.text("section.categories.intro"));
            if (!c.categories().isEmpty()) {
                out.add(new Doc.Bullets(c.categories().stream().map(x -> Doc.Line.of(x.name())).toList()));
            }
        }

        /** Art. 15(1)(c): the recipients by name, with their role and countries. */
        private void recipients() {
            h2("recipients", "section.recipients");
            if (c.recipients().isEmpty()) {
                para(words.text("recipients.none"));
                return;
            }
            para(words.text("section.recipients.intro"));
            List<Doc.Line> lines = new ArrayList<>();
            for (AccessContext.RecipientShare r : c.recipients()) {
                List<String> parts = new ArrayList<>();
                if (r.role() != null) {
                    parts.add(r.role());
                }
                if (!r.countries().isEmpty()) {
                    parts.add(words.text("recipient.countries", phrases.list(r.countries())));
                }
                lines.add(parts.isEmpty() ? Doc.Line.of(new Doc.Strong(r.name()))
                        : Doc.Line.of(new Doc.Strong(r.name()), " (" + String.join("; ", parts) + ")"));
            }
            out.add(new Doc.Bullets(lines));
        }

        /** Art. 15(1)(d): per category, the statement's retention rows that govern it for this person. */
        private void retention() {
            h2("retention", "section.retention");
            para(words.text("section.retention.intro"));
            List<String> header = RetentionWording.header(c.lang());
            for (AccessContext.Category x : c.categories()) {
                if (x.retention().isEmpty()) {
                    continue; // reported in notDerived; nothing is invented
                }
                out.add(new Doc.Heading(3, "retention-" + x.id(), x.name()));
                List<List<Doc.Cell>> rows = new ArrayList<>();
                for (RetentionWording.Row r : x.retention()) {
                    rows.add(List.of(Doc.Cell.ofLines(r.what()), Doc.Cell.of(r.howLong()), Doc.Cell.of(r.from()),
                            Doc.Cell.of(r.then()), r.keptLonger().isEmpty() ? Doc.Cell.of("—") : Doc.Cell.ofLines(r.keptLonger())));
                }
                out.add(new Doc.Table(header, rows));
            }
        }

        /** Art. 15(1)(g): the sources other than the person, only where the person's purposes declare any. */
        private void sources() {
            if (c.sources().isEmpty()) {
                return;
            }
            h2("sources", "section.sources");
            para(words.text("section.sources.intro"));
            out.add(new Doc.Bullets(c.sources().stream().map(s -> Doc.Line.of(s.name())).toList()));
        }

        private void automated() {
            if (c.automated().isEmpty()) {
                return;
            }
            h2("automated", "section.automated");
            para(words.text("section.automated.intro"));
            c.automated().forEach(this::para);
        }

        /** Art. 15(2): transfers outside the EEA with their safeguards, in the statement's words. */
        private void transfers() {
            if (c.transfers().isEmpty() && !c.transfersNone()) {
                return; // the policy does not say where every recipient is: nothing is claimed
            }
            h2("transfers", "section.transfers");
            if (c.transfers().isEmpty()) {
                para(words.text("transfers.none"));
                return;
            }
            para(words.text("section.transfers.intro"));
            for (TransferWording.Group g : c.transfers()) {
                para(g.sentence());
                out.add(new Doc.Bullets(g.labels().stream().map(Doc.Line::of).toList()));
                if (g.explained() != null) {
                    para(g.explained());
                }
            }
        }

        /** Art. 17(3): what was kept after an erasure, why and until when. */
        private void kept() {
            if (c.kept().isEmpty()) {
                return;
            }
            h2("kept", "section.kept");
            para(words.text("section.kept.intro"));
            List<Doc.Line> lines = new ArrayList<>();
            for (KeptData k : c.kept()) {
                StringBuilder why = new StringBuilder(words.text("kept.ground." + k.ground()));
                if (k.purpose() != null) {
                    why.append(' ').append(words.text("kept.purpose", purposeName(k.purpose())));
                }
                why.append(' ').append(k.until() == null ? words.text("kept.until-open")
                        : words.text("kept.until", day.format(k.until())));
                lines.add(Doc.Line.of(words.text("kept.line", c.systemName(k.source()), c.categoryName(k.category()),
                        k.count(), why.toString())));
            }
            out.add(new Doc.Bullets(lines));
        }

        /** Art. 15(1)(e): the rights of Art. 16, 17, 18 and 21, each with its article. */
        private void rights() {
            h2("rights", "section.rights");
            para(words.text("section.rights.intro"));
            out.add(new Doc.Bullets(c.rights().stream().map(r -> Doc.Line.of(
                    new Doc.Strong(words.text("right.heading", r.name(), r.article()) + "."), " " + r.text())).toList()));
        }

        /** Art. 15(1)(f): the complaint to the supervisory authority; left out when the policy names none. */
        private void complaint() {
            AccessContext.Complaint a = c.complaint();
            if (a == null) {
                return;
            }
            h2("complaint", "section.complaint");
            para(words.text("complaint", a.authority()));
            List<Doc.Line> lines = new ArrayList<>();
            if (a.url() != null) {
                lines.add(Doc.Line.of(words.text("complaint.url", ""), new Doc.Link(a.url(), a.url())));
            }
            if (a.phone() != null) {
                lines.add(Doc.Line.of(words.text("complaint.phone", a.phone())));
            }
            if (a.address() != null) {
                lines.add(Doc.Line.of(words.text("complaint.address", a.address())));
            }
            if (!lines.isEmpty()) {
                out.add(new Doc.Bullets(lines));
            }
        }

        private void h2(String id, String key) {
            out.add(new Doc.Heading(2, id, words.text(key)));
        }

        private void para(String text) {
            out.add(new Doc.Para(Doc.Line.of(text)));
        }
    }
}
