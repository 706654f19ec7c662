package nl.waarborg.systems;

/**
 * How many subjects a system holds data of in some data categories (the people a breach of the system affects), or
 * why it cannot say. A count, never a list: the list of people is personal data in itself.
 */
public sealed interface SubjectCount {

    /** The system counted {@code subjects} distinct subjects (rows of its own, not matched to Waarborg's). */
    record Counted(long subjects) implements SubjectCount {}

    /**
     * The system could not be counted. {@code code}: a term ({@code not-countable} for a webhook or manual system,
     * whose data Waarborg cannot read; else the kind of fault, as {@code connection-refused}), never a value.
     */
    record NotCounted(String code) implements SubjectCount {

        public static final String NOT_COUNTABLE = "not-countable";
    }
}
