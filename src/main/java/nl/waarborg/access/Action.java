package nl.waarborg.access;

/** What is done with the data (design.md principle 2: read, write, export, transfer; and keeping it). */
public enum Action {
    /** Look at or use the data. */
    READ,
    /** Collect, record or change the data. */
    WRITE,
    /** Take the data out of the system it lives in (a file, a report, a portability answer). */
    EXPORT,
    /** Hand the data to a recipient; needs the recipient. */
    TRANSFER,
    /**
     * Keep what is already held, doing nothing else with it. The one use allowed while processing is
     * restricted (Art. 18(2)) and unaffected by withdrawn consent or an objection: how long data is kept is
     * the retention rules' business, not the subject's will.
     */
    STORE
}
