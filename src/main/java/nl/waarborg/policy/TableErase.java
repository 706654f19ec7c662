package nl.waarborg.policy;

/**
 * What erasing a mapped table's rows means (a retention sweep or an erasure request): delete the rows, set the
 * personal columns to NULL, or generalise them as retention anonymises the vault's items.
 */
public enum TableErase implements PolicyTerm {
    DELETE("delete"),
    NULLIFY("nullify"),
    ANONYMISE("anonymise");

    private final String term;

    TableErase(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
