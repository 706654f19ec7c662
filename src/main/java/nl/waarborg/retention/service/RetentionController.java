package nl.waarborg.retention.service;

import nl.waarborg.input.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.waarborg.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Retention over HTTP, for staff: the forecast, a sweep now, attestation tasks, and the released statistics. */
@RestController
@RequestMapping("/api/v1/retention")
@Tag(name = "Retention", description = "Due dates, sweeps, attestation tasks and anonymised statistics (R2)")
class RetentionController {

    private final RetentionForecast forecast;
    private final Sweeper sweeper;
    private final AttestationTasks attestations;
    private final AnonymisedStatistics statistics;

    RetentionController(RetentionForecast forecast, Sweeper sweeper, AttestationTasks attestations,
                        AnonymisedStatistics statistics) {
        this.forecast = forecast;
        this.sweeper = sweeper;
        this.attestations = attestations;
        this.statistics = statistics;
    }

    @GetMapping("/forecast")
    @Operation(summary = "What will be deleted or anonymised in the next N days, per category, rule and system, "
            + "including overdue items and attestation tasks")
    RetentionForecast.Forecast forecast(@RequestParam(defaultValue = "30") int days) {
        return forecast.forecast(days);
    }

    @PostMapping("/sweep")
    @Operation(summary = "Run one sweep now (dryRun=true: report what is due, change nothing)")
    Sweeper.Report sweep(@RequestParam(defaultValue = "false") boolean dryRun) {
        return sweeper.sweep(dryRun);
    }

    @GetMapping("/attestations")
    @Operation(summary = "Attestation tasks for systems Waarborg cannot reach (open=false: confirmed ones too)")
    List<AttestationTasks.Task> attestations(@RequestParam(defaultValue = "true") boolean open) {
        return attestations.list(open);
    }

    @PostMapping("/attestations/{id}/confirm")
    @Operation(summary = "Record that the system's owner confirmed the deletion")
    ResponseEntity<AttestationTasks.Task> confirm(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
        return ResponseEntity.ok(attestations.confirm(caller, id).orElseThrow(() -> new NoSuchTaskException(id)));
    }

    @GetMapping("/statistics")
    @Operation(summary = "What anonymisation kept: groups of at least k members; smaller groups are only counted")
    AnonymisedStatistics.Release statistics() {
        return statistics.release();
    }

    static final class NoSuchTaskException extends ApiException {
        NoSuchTaskException(long id) {
            super(HttpStatus.NOT_FOUND, "No such attestation task", "no attestation task " + id);
        }
    }
}
