package nl.waarborg.access;

/**
 * The caller's API key does not carry the purpose it asks to use data for: the call is refused as a whole
 * (the API answers 403). The purpose is named only when it is a plain term, never free text from a caller.
 */
public final class PurposeNotAllowedException extends RuntimeException {

    public PurposeNotAllowedException(String purpose) {
        super(purpose != null && purpose.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
                ? "the API key may not use data for purpose '" + purpose + "'"
                : "the API key may not use data for the purpose asked");
    }
}
