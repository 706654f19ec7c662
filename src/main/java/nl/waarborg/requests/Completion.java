package nl.waarborg.requests;

import java.time.LocalDate;
import java.util.List;

/**
 * What fulfilling a request came to, for the completion letter: what an erasure kept and why ({@link KeptData}), the
 * recipients told (Art. 19, by the policy's ids) and the answer's link with the last day it works (null: no answer).
 * No personal value: the link's token is the person's key to the answer, not their data.
 */
public record Completion(List<KeptData> kept, List<String> recipientsTold, String answerLink, LocalDate answerUntil,
                         boolean answerPartial) {

    public Completion {
        kept = List.copyOf(kept);
        recipientsTold = List.copyOf(recipientsTold);
    }
}
