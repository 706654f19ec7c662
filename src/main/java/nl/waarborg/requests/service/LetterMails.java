package nl.waarborg.requests.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import nl.waarborg.access.Caller;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.mail.Mail;
import nl.waarborg.mail.MailOutbox;
import nl.waarborg.mail.MailWords;
import nl.waarborg.mail.OutboxMail;
import nl.waarborg.policy.Lang;
import nl.waarborg.requests.Request;
import nl.waarborg.vault.ContactAddresses;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a letter's mail when the outbox sends it (docs/mail.md): the address read from the vault now (a subject
 * erased or an address removed meanwhile: not sent, {@code no-address}), a subject and a short text from
 * {@code nl/waarborg/mail/letters_{nl,en}.properties}, then the letter itself as text (Markdown) and HTML, and the letter
 * as a PDF (PDF/UA) attached; all in the request's language, from the policy in force, as the letter endpoints give it.
 */
@Component
class LetterMails implements OutboxMail {

    /** Who reads the address and records the mail: the outbox, for the privacy team. */
    static final Caller ACTOR = new Caller("system:mail", "dpo", List.of(), true);
    static final String WORDS = "nl/waarborg/mail/letters";

    private final RequestStore store;
    private final Requests requests;
    private final Fulfilment fulfilment;
    private final LetterPost post;

    LetterMails(RequestStore store, Requests requests, Fulfilment fulfilment, LetterPost post) {
        this.store = store;
        this.requests = requests;
        this.fulfilment = fulfilment;
        this.post = post;
    }

    @Override
    public boolean handles(String kind) {
        return LetterPost.Kind.ofOutbox(kind).isPresent();
    }

    @Override
    public Written write(MailOutbox.Entry e) {
        LetterPost.Kind kind = LetterPost.Kind.ofOutbox(e.kind()).orElseThrow();
        Optional<Request> found = e.request() == null ? Optional.empty() : store.findById(e.request());
        if (found.isEmpty()) {
            return new Drop("no-request");
        }
        Request r = found.get();
        Optional<ContactAddresses.Contact> to = post.address(ACTOR, r);
        if (to.isEmpty()) {
            return new Drop("no-address");
        }
        Lang lang = Lang.parse(e.language());
        String md = new String(letter(r, kind, lang, StatementFormat.MD), StandardCharsets.UTF_8);
        String page = new String(letter(r, kind, lang, StatementFormat.HTML), StandardCharsets.UTF_8);
        byte[] pdf = letter(r, kind, lang, StatementFormat.PDF);
        MailWords w = MailWords.of(WORDS, lang.term());
        Object[] args = {"kind", kind.term(), "reference", r.reference()};
        String intro = w.text("intro", args);
        String attached = w.text("attached", args);
        String automatic = w.text("automatic", args);
        String text = intro + "\n\n" + attached + "\n\n---\n\n" + md.strip() + "\n\n---\n\n" + automatic + "\n";
        String html = around(page, "<p>" + HtmlUtils.htmlEscape(intro) + "</p>\n<p>" + HtmlUtils.htmlEscape(attached)
                + "</p>\n<hr>\n", "<hr>\n<p>" + HtmlUtils.htmlEscape(automatic) + "</p>\n");
        return new Send(new Mail(to.get().value(), w.text("subject", args), text, html, lang.term(),
                List.of(new Mail.Attachment(w.text("attachment", args), "application/pdf", pdf)), null));
    }

    private byte[] letter(Request r, LetterPost.Kind kind, Lang lang, StatementFormat format) {
        return switch (kind) {
            case RECEIPT -> requests.letter(r.reference(), Requests.Letter.RECEIPT, lang, format);
            case EXTENSION -> requests.letter(r.reference(), Requests.Letter.EXTENSION, lang, format);
            case REFUSAL -> requests.letter(r.reference(), Requests.Letter.REFUSAL, lang, format);
            case COMPLETION -> fulfilment.completionLetter(r.reference(), lang, format);
        };
    }

    /** The letter's page with {@code before} at the start of its body and {@code after} at its end. */
    static String around(String page, String before, String after) {
        int open = page.indexOf("<body>");
        int close = page.lastIndexOf("</body>");
        if (open < 0 || close < open) {
            return before + page + after;
        }
        int start = open + "<body>".length();
        return page.substring(0, start) + "\n" + before + page.substring(start, close) + after + page.substring(close);
    }

    @Override
    public void sent(MailOutbox.Entry e) {
        request(e).ifPresent(r -> post.mailed(ACTOR, r, kind(e), e.language(), e.id()));
    }

    @Override
    public void notSent(MailOutbox.Entry e, String reason) {
        request(e).ifPresent(r -> post.notMailed(ACTOR, r, kind(e), e.language(), reason));
    }

    private Optional<Request> request(MailOutbox.Entry e) {
        return e.request() == null ? Optional.empty() : store.findById(e.request());
    }

    private static LetterPost.Kind kind(MailOutbox.Entry e) {
        return LetterPost.Kind.ofOutbox(e.kind()).orElseThrow();
    }
}
