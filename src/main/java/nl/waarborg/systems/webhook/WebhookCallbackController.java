package nl.waarborg.systems.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.input.ApiException;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.systems.SystemConnectors;
import nl.waarborg.systems.SystemOperations;
import nl.waarborg.systems.SystemResult;
import nl.waarborg.systems.SystemsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/v1/systems/{id}/callback}: a webhook system's later answer to an operation it accepted with 202.
 * No token: the call is authenticated by its Standard Webhooks signature under the system's secret. Refused, and
 * audited ({@code system-callback-refused}, with the reason and the system, never the body): a timestamp outside
 * the tolerance window (a replay), a wrong signature (401), a webhook-id Waarborg did not send to this system (401),
 * an operation answered already (409).
 */
@RestController
@Tag(name = "Systems", description = "Operations on the organisation's own systems, webhook callbacks and manual tasks")
class WebhookCallbackController {

    private final SystemConnectors connectors;
    private final SystemOperations operations;
    private final AuditLog audit;
    private final ActivePolicy policy;
    private final TransactionTemplate tx;
    private final Duration tolerance;
    private final Clock clock;

    WebhookCallbackController(SystemConnectors connectors, SystemOperations operations, AuditLog audit,
                              ActivePolicy policy, TransactionTemplate tx, SystemsProperties properties, Clock clock) {
        this.connectors = connectors;
        this.operations = operations;
        this.audit = audit;
        this.policy = policy;
        this.tx = tx;
        this.tolerance = properties.callbackTolerance();
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/systems/{id}/callback", consumes = "application/json")
    @Operation(summary = "A webhook system's later answer to an operation (Standard Webhooks signature, no token)",
            parameters = {
                    @Parameter(name = WebhookSignature.ID, in = ParameterIn.HEADER, required = true,
                            description = "The id of the operation answered, as Waarborg sent it"),
                    @Parameter(name = WebhookSignature.TIMESTAMP, in = ParameterIn.HEADER, required = true,
                            description = "Seconds since 1970 (UTC); within the tolerance window of now"),
                    @Parameter(name = WebhookSignature.SIGNATURE, in = ParameterIn.HEADER, required = true,
                            description = "v1,base64(HMAC-SHA256(secret, id.timestamp.body))")})
    Map<String, Object> callback(@PathVariable String id,
                                 @RequestHeader(name = WebhookSignature.ID, required = false) String messageId,
                                 @RequestHeader(name = WebhookSignature.TIMESTAMP, required = false) String timestamp,
                                 @RequestHeader(name = WebhookSignature.SIGNATURE, required = false) String signature,
                                 @RequestBody byte[] body) {
        SystemConnectors.Entry entry = connectors.find(id).filter(e -> e.connector() instanceof WebhookConnector)
                .orElseThrow(() -> new SystemOperations.NoSuchSystemException(id));
        WebhookConnector connector = (WebhookConnector) entry.connector();
        long at;
        try {
            at = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            throw refused(id, "bad-timestamp", "webhook-timestamp must be the seconds since 1970");
        }
        Instant now = clock.instant();
        if (Duration.between(Instant.ofEpochSecond(at), now).abs().compareTo(tolerance) > 0) {
            throw refused(id, "stale-timestamp", "webhook-timestamp is more than " + tolerance + " from now");
        }
        if (messageId == null || !connector.signature().verify(messageId, at, body, signature)) {
            throw refused(id, "bad-signature", "webhook-signature does not sign this message with the system's secret");
        }
        SystemResult result;
        try {
            result = WebhookMessages.result(id, body);
        } catch (RuntimeException e) {
            throw new BadAnswerException();
        }
        SystemOperations.Operation op;
        try {
            op = operations.answer(id, messageId, result);
        } catch (SystemOperations.NotSentException e) {
            throw refused(id, "unknown-message", e.getMessage(), e);
        } catch (SystemOperations.AnsweredAlreadyException e) {
            throw refused(id, "answered-already", e.getMessage(), e);
        }
        return Map.of("operation", op.id(), "status", op.status().term());
    }

    private ApiException refused(String system, String reason, String detail) {
        return refused(system, reason, detail, new CallbackRefusedException(HttpStatus.UNAUTHORIZED, detail));
    }

    private ApiException refused(String system, String reason, String detail, ApiException answer) {
        tx.executeWithoutResult(s -> audit.append(AuditEvent.draft("webhook:" + system, "system", "system-callback-refused")
                .outcome(Outcome.DENIED, reason, "system:" + system).policyVersion(policy.version().id())));
        return answer;
    }

    /** A callback that is not what it says (401); the detail names the check, never the body. */
    static final class CallbackRefusedException extends ApiException {
        CallbackRefusedException(HttpStatus status, String detail) {
            super(status, "Callback refused", detail);
        }
    }

    static final class BadAnswerException extends ApiException {
        BadAnswerException() {
            super(HttpStatus.BAD_REQUEST, "Not a result", "the body is a JSON object with `status` done, partial or failed "
                    + "(docs/systems.md)");
        }
    }
}
