package nl.waarborg.requests;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.waarborg.documents.Doc;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;

/**
 * The letters to the person about a request, in Dutch or English (docs/requests.md, "Letters"): the receipt, the
 * extension and the refusal. The words are in the message bundles {@code nl/waarborg/requests/letters_nl.properties}
 * and {@code letters_en.properties}, not in code; this class only chooses and fills them. Pure: no clock, no I/O
 * beyond reading the bundle. A letter holds no personal value but the reference and what staff wrote as the reason.
 */
public final class RequestLetters {

    private final Policy policy;
    private final Lang lang;
    private final ResourceBundle words;
    private final DateTimeFormatter dates;
    private final ZoneId zone;

    /** Letters under {@code policy}, in {@code lang}, naming days as they are in the organisation's {@code zone}. */
    public RequestLetters(Policy policy, Lang lang, ZoneId zone) {
        this.policy = policy;
        this.lang = lang;
        this.zone = zone;
        Locale locale = Locale.forLanguageTag(lang.term());
        this.words = ResourceBundle.getBundle("nl.waarborg.requests.letters", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dates = DateTimeFormatter.ofPattern("d MMMM uuuu", locale);
    }

    /** The acknowledgement of receipt: what was asked, by when the answer comes, and what may change that. */
    public Doc receipt(Request r, LocalDate extendedAtMost) {
        List<Doc.Block> blocks = new ArrayList<>();
        blocks.add(para(text("receipt.received", day(r.receivedDay(zone)), r.reference())));
        blocks.add(para(text("receipt.kinds")));
        blocks.add(new Doc.Bullets(r.kinds().stream().map(k -> Doc.Line.of(kind(k, r))).toList()));
        blocks.add(para(text("receipt.deadline", day(r.deadline()))));
        blocks.add(para(text("receipt.extension", day(extendedAtMost), day(r.deadline()))));
        blocks.add(para(text("receipt.identity")));
        if (policy.rights() != null && policy.rights().freeOfCharge()) {
            blocks.add(para(text("receipt.free")));
        }
        return letter(text("receipt.title", r.reference()), blocks);
    }

    /** The extension, with the reason staff gave (Art. 12(3) GDPR); only for an extended request. */
    public Doc extension(Request r) {
        if (r.extendedTo() == null) {
            throw new IllegalArgumentException("the request was not extended");
        }
        List<Doc.Block> blocks = new ArrayList<>();
        blocks.add(para(text("extension.body", day(r.receivedDay(zone)))));
        blocks.add(para(r.extensionReason()));
        blocks.add(para(text("extension.deadline", day(r.extendedTo()))));
        return letter(text("extension.title", r.reference()), blocks);
    }

    /**
     * The refusal: its ground with the provision, the reason staff gave, and the routes (Art. 12(4) GDPR): a complaint
     * to the supervisory authority (Art. 77), and the court (Art. 79; in the Netherlands art. 35 UAVG), or, for a Dutch
     * public body, objection under administrative law (art. 34 UAVG, art. 6:7 Awb).
     */
    public Doc refusal(Request r) {
        if (r.refusalGround() == null) {
            throw new IllegalArgumentException("the request was not refused");
        }
        List<Doc.Block> blocks = new ArrayList<>();
        blocks.add(para(text("refusal.body", day(r.receivedDay(zone)))));
        blocks.add(para(text("refusal.ground." + r.refusalGround().term(), r.refusalGround().provision())));
        blocks.add(para(text("refusal.reason")));
        blocks.add(para(r.refusalReason()));
        blocks.add(new Doc.Heading(2, "routes", text("refusal.routes")));
        Policy.Controller c = policy.controller();
        Policy.Authority authority = c == null ? null : c.authority();
        if (authority != null) {
            String where = authority.name() + (authority.url() == null ? "" : " (" + authority.url() + ")");
            blocks.add(para(text("refusal.complaint", where)));
        }
        boolean dutch = c != null && "NL".equals(c.country());
        blocks.add(para(text(!dutch ? "refusal.court.other" : c.publicAuthority() ? "refusal.court.public"
                : "refusal.court.private")));
        return letter(text("refusal.title", r.reference()), blocks);
    }

    /**
     * The completion: what was done for each right asked (Art. 12(3) GDPR), the link to the answer (Art. 15, 20), what an
     * erasure kept, why and until when (Art. 17(3)), the recipients told (Art. 19), and the routes if the person
     * disagrees (Art. 12(4), 77, 79; art. 34, 35 UAVG).
     */
    public Doc completion(Request r, Completion c) {
        if (r.status() != Request.Status.COMPLETED) {
            throw new IllegalArgumentException("the request was not completed");
        }
        List<Doc.Block> blocks = new ArrayList<>();
        blocks.add(para(text("completion.body", day(r.receivedDay(zone)))));
        for (RequestKind k : r.kinds()) {
            switch (k) {
                case ACCESS, PORTABILITY -> {
                    if (c.answerLink() != null) {
                        blocks.add(paraWithLink("completion." + k.term(), c.answerLink(), day(c.answerUntil())));
                    } else {
                        blocks.add(para(text("completion." + k.term() + ".expired")));
                    }
                }
                case OBJECTION, CONSENT_WITHDRAWAL -> blocks.add(para(text("completion." + k.term(), purposes(r))));
                case RECTIFICATION, ERASURE, RESTRICTION -> blocks.add(para(text("completion." + k.term())));
            }
        }
        if (c.answerPartial()) {
            blocks.add(para(text("completion.partial")));
        }
        if (!c.kept().isEmpty()) {
            blocks.add(para(text("completion.kept")));
            blocks.add(new Doc.Bullets(c.kept().stream().map(x -> Doc.Line.of(text("completion.kept.item",
                    category(x.category()), x.count(), text("completion.kept.ground." + x.ground()),
                    x.until() == null ? text("completion.kept.until-unknown") : text("completion.kept.until", day(x.until())))))
                    .toList()));
        }
        if (!c.recipientsTold().isEmpty()) {
            blocks.add(para(text("completion.recipients")));
            blocks.add(new Doc.Bullets(c.recipientsTold().stream().map(id -> Doc.Line.of(policy.recipients().stream()
                    .filter(x -> x.id().equals(id)).findFirst().map(x -> x.name().in(lang)).orElse(id))).toList()));
        }
        blocks.add(new Doc.Heading(2, "routes", text("completion.routes")));
        Policy.Controller ctl = policy.controller();
        Policy.Authority authority = ctl == null ? null : ctl.authority();
        if (authority != null) {
            String where = authority.name() + (authority.url() == null ? "" : " (" + authority.url() + ")");
            blocks.add(para(text("refusal.complaint", where)));
        }
        boolean dutch = ctl != null && "NL".equals(ctl.country());
        blocks.add(para(text(!dutch ? "refusal.court.other" : ctl.publicAuthority() ? "refusal.court.public"
                : "completion.court.private")));
        return letter(text("completion.title", r.reference()), blocks);
    }

    private String purposes(Request r) {
        return String.join(", ", r.purposes().stream().map(id -> policy.purpose(id)
                .map(p -> p.name().in(lang)).orElse(id)).toList());
    }

    private String category(String id) {
        return policy.dataCategories().stream().filter(x -> x.id().equals(id)).findFirst()
                .map(x -> x.name().in(lang)).orElse(id);
    }

    private Doc letter(String title, List<Doc.Block> body) {
        List<Doc.Block> blocks = new ArrayList<>(body);
        Policy.Controller c = policy.controller();
        if (c != null && c.contact() != null) {
            String how = c.contact().email() != null ? c.contact().email()
                    : c.contact().phone() != null ? c.contact().phone() : c.contact().web();
            if (how != null) {
                blocks.add(para(text("letter.contact", c.name(), how)));
            }
        }
        blocks.add(para(text("letter.closing")));
        blocks.add(para(c == null ? "" : c.name()));
        return new Doc(lang.term(), title, blocks);
    }

    private String kind(RequestKind k, Request r) {
        String purposes = String.join(", ", r.purposes().stream().map(id -> policy.purpose(id)
                .map(p -> p.name().in(lang)).orElse(id)).toList());
        return text("kind." + k.term(), purposes);
    }

    private String day(LocalDate d) {
        return dates.format(d);
    }

    private String text(String key, Object... args) {
        return new MessageFormat(words.getString(key), words.getLocale()).format(args);
    }

    /**
     * The sentence of {@code key} whose {@code {0}} is the web address {@code href}, with the address as a link: every
     * format then writes it as one (HTML an anchor, Markdown an autolink that no escape breaks, PDF a link).
     */
    private Doc.Para paraWithLink(String key, String href, Object... rest) {
        String marker = "\u0000link\u0000";
        Object[] args = new Object[rest.length + 1];
        args[0] = marker;
        System.arraycopy(rest, 0, args, 1, rest.length);
        String sentence = text(key, args);
        int at = sentence.indexOf(marker);
        return new Doc.Para(Doc.Line.of(sentence.substring(0, at), new Doc.Link(href, href),
                sentence.substring(at + marker.length())));
    }

    private static Doc.Para para(String text) {
        return new Doc.Para(Doc.Line.of(text));
    }
}
