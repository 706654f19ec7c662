package nl.waarborg.policy;

/** A human-readable text in Dutch and English. Either may be null while the policy is incomplete (lint reports it). */
public record Text(String nl, String en) {

    public static final Text EMPTY = new Text(null, null);

    public static Text of(String nl, String en) {
        return new Text(nl, en);
    }

    /** The text in the wanted language, falling back to the other so a document never shows a hole. */
    public String in(Lang lang) {
        String wanted = lang == Lang.NL ? nl : en;
        if (wanted != null && !wanted.isBlank()) {
            return wanted;
        }
        String other = lang == Lang.NL ? en : nl;
        return other == null ? "" : other;
    }

    public boolean has(Lang lang) {
        String s = lang == Lang.NL ? nl : en;
        return s != null && !s.isBlank();
    }

    public boolean absent() {
        return !has(Lang.NL) && !has(Lang.EN);
    }
}
