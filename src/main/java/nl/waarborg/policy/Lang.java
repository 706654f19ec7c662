package nl.waarborg.policy;

import java.util.Locale;

/** The languages a statement can be written in. */
public enum Lang implements PolicyTerm {
    NL, EN;

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
        throw new IllegalArgumentException("unknown language '" + code + "', expected nl or en");
    }
}
