package nl.waarborg.breaches.web;

import java.util.List;
import nl.waarborg.breaches.service.BreachView;

/**
 * One breach's page: the current version as the API shows it, its clock in words and the zone's time, the versions,
 * and, when asked for, how many people it affects.
 *
 * @param problem the detail of a refused form (the service's own words), or null
 * @param done    a page text key suffix for what the last form did, or null
 */
public record BreachPage(BreachView breach, BreachRow row, String occurred, String detected, List<Version> versions,
                         List<Notice> notifications, Long affected, List<String> categories, String problem,
                         String done) {

    /** The ENISA level's tag colour (a word is always beside it): low green, medium amber, high and very high red. */
    public String severityColour() {
        var a = breach.assessment();
        if (a == null || a.severity() == null) {
            return "grey";
        }
        return switch (a.severity().level()) {
            case "low" -> "green";
            case "medium" -> "amber";
            default -> "red";
        };
    }

    public record Version(int version, String change, String at, String by, String reason) {
    }

    public record Notice(String phase, String sentAt, String number, boolean late) {
    }
}
