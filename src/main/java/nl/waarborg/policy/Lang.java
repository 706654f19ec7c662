package nl.waarborg.policy;

import java.util.Locale;

/**
 * The languages Waarborg has statement texts for (the bundles {@code documents/statement_<code>.properties}, issue 18). A
 * policy may publish its statement in any of these, and no other.
 */
public enum Lang implements PolicyTerm {
    NL("Nederlands"), EN("English");

    private final String ownName;

    Lang(String ownName) {
        this.ownName = ownName;
    }

    /** The languages on offer, for messages: "nl (Nederlands), en (English)". */
    public static String available() {
        return java.util.Arrays.stream(values()).map(l -> l.code() + " (" + l.ownName + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String term() {
        return code();
    }

    public static Lang parse(String code) {
        for (Lang l : values()) {
            if (l.code().equalsIgnoreCase(code)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "', expected one of " + available());
    }
}
