package nl.waarborg.breaches.web;

import java.util.List;
import java.util.Map;

/** The form for a new breach: the policy's categories and systems to tick, what was typed, the service's refusal. */
public record NewBreachForm(List<Option> categories, List<Option> systems, Map<String, String> values,
                            List<String> ticked, String problem) {

    public record Option(String id, String name) {
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean isTicked(String group, String id) {
        return ticked.contains(group + ":" + id);
    }
}
