package nl.waarborg.retention.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarborg.pages.ConsoleJobs;
import nl.waarborg.retention.service.Sweeper;

/** A sweep's page: how far it is while it runs, what it erased and kept, per system, once it is done. */
public record SweepView(ConsoleJobs.View<Sweeper.Report> job) {

    /** One row of what the vault erased: the action, the data category, the rule, how many items. */
    public record Erased(String action, String category, String rule, long items) {}

    public boolean dryRun() {
        return "dry-run".equals(job.kind());
    }

    public boolean running() {
        return !job.finished();
    }

    public boolean failed() {
        return job.state() == ConsoleJobs.State.FAILED;
    }

    public boolean waiting() {
        return job.state() == ConsoleJobs.State.WAITING;
    }

    /** The step it works on, 1-based, of {@link #steps()}; 0 before the first. */
    public int stepNumber() {
        return job.step() == null ? 0 : Sweeper.STEPS.indexOf(job.step()) + 1;
    }

    public int steps() {
        return Sweeper.STEPS.size();
    }

    /** The bundle key of the step's name. */
    public String stepKey() {
        return "retention.sweep.step." + (job.step() == null ? "start" : job.step());
    }

    public Sweeper.Report report() {
        return job.result();
    }

    /** What the vault erased, from the counts by "action:category:rule" (the same as the audit events'). */
    public List<Erased> erased() {
        List<Erased> out = new ArrayList<>();
        if (job.result() == null) {
            return out;
        }
        for (Map.Entry<String, Long> e : job.result().byCategoryAndRule().entrySet()) {
            String[] parts = e.getKey().split(":", 3);
            out.add(new Erased(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "", e.getValue()));
        }
        return out;
    }

    /** Counts of a system's sweep ("delete:table:category" to n) as one line of terms. */
    public static String counts(Map<String, Long> counts) {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
        return b.toString();
    }
}
