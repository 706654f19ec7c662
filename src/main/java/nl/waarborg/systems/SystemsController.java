package nl.waarborg.systems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nl.waarborg.access.Caller;
import nl.waarborg.input.ApiException;
import nl.waarborg.systems.manual.ManualTasks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Systems over HTTP, for staff: the operations (those that stay failed first of all) and the manual tasks. */
@RestController
@RequestMapping("/api/v1/systems")
@Tag(name = "Systems", description = "Operations on the organisation's own systems, webhook callbacks and manual tasks")
class SystemsController {

    private final SystemOperations operations;
    private final ManualTasks tasks;

    SystemsController(SystemOperations operations, ManualTasks tasks) {
        this.operations = operations;
        this.tasks = tasks;
    }

    @GetMapping("/operations")
    @Operation(summary = "Operations on systems, newest first (failed=true: only those that stay failed, for staff to act on)")
    List<SystemOperations.Operation> operations(@RequestParam(defaultValue = "false") boolean failed,
                                                @RequestParam(defaultValue = "100") int limit) {
        return operations.list(failed, limit);
    }

    @GetMapping("/tasks")
    @Operation(summary = "Tasks for the owners of manual systems, without personal values (open=false: done ones too)")
    List<ManualTasks.Task> tasks(@RequestParam(defaultValue = "true") boolean open) {
        return tasks.list(open);
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "Open a task: who the subject is (its references), for the system's owner; audited")
    ManualTasks.OpenedTask open(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
        return tasks.open(caller, id).orElseThrow(() -> new NoSuchTaskException(id));
    }

    @PostMapping("/tasks/{id}/done")
    @Operation(summary = "Record that the system's owner did what the task asks; its operation is done")
    ManualTasks.Task done(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
        return operations.completeTask(caller, id).orElseThrow(() -> new NoSuchTaskException(id));
    }

    static final class NoSuchTaskException extends ApiException {
        NoSuchTaskException(long id) {
            super(HttpStatus.NOT_FOUND, "No such task", "no system task " + id);
        }
    }
}
