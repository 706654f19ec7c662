package nl.waarborg.systems.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import nl.waarborg.policy.Policy;
import nl.waarborg.systems.SubjectLinks;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemConnector;
import nl.waarborg.systems.SystemResult;

/**
 * A system reached over HTTP (connector {@code webhook}): each operation is one signed POST of a JSON body
 * ({@link WebhookMessages}) to the system's URL, with {@code webhook-id} the operation's id (the same at every
 * attempt, so the system can recognise a repeat), {@code webhook-timestamp} and {@code webhook-signature}. The
 * system answers at once (2xx with a result) or later (202, then a signed POST to the callback endpoint). One
 * delivery per call: a refused connection, a timeout or another status is {@link SystemResult.Failed}, and
 * SystemOperations tries again. Redirects are not followed: the policy names the one URL.
 */
public final class WebhookConnector implements SystemConnector {

    private final Policy policy;
    private final String system;
    private final URI url;
    private final WebhookSignature signature;
    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    WebhookConnector(Policy policy, String system, URI url, WebhookSignature signature, HttpClient client,
                     Duration timeout, Clock clock) {
        this.policy = policy;
        this.system = system;
        this.url = url;
        this.signature = signature;
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String systemId() {
        return system;
    }

    /** The system's signature, to check its callbacks with. */
    WebhookSignature signature() {
        return signature;
    }

    @Override
    public SystemResult export(SubjectLinks subject) {
        return export(subject, "export-" + java.util.UUID.randomUUID());
    }

    @Override
    public SystemResult export(SubjectLinks subject, String operationId) {
        return deliver(operationId, WebhookMessages.subject("export", operationId, system, subject));
    }

    @Override
    public SystemResult erase(SubjectLinks subject, String operationId) {
        return deliver(operationId, WebhookMessages.subject("erase", operationId, system, subject));
    }

    @Override
    public SystemResult rectify(SubjectLinks subject, String category, String value, String operationId) {
        return deliver(operationId, WebhookMessages.rectify(operationId, system, subject, category, value));
    }

    @Override
    public SystemResult sweep(SweepRequest request) {
        return deliver(request.operationId(), WebhookMessages.sweep(policy, system, request));
    }

    private SystemResult deliver(String id, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("content-type", "application/json")
                .header(WebhookSignature.ID, id)
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, signature.sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            return failed("timeout: connecting to system " + system + " took longer than " + timeout);
        } catch (HttpTimeoutException e) {
            return failed("timeout: system " + system + " did not answer within " + timeout);
        } catch (ConnectException e) {
            return failed("connection-refused: system " + system + " refused the connection");
        } catch (IOException e) {
            return failed("unreachable: system " + system + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted: the delivery to system " + system + " was interrupted");
        }
        int status = response.statusCode();
        if (status == 202) {
            return new SystemResult.Pending(system, null);
        }
        if (status < 200 || status > 299) {
            return failed("http-" + status + ": system " + system + " answered HTTP " + status);
        }
        try {
            return WebhookMessages.result(system, response.body());
        } catch (RuntimeException e) {
            return failed("bad-answer: system " + system + " answered HTTP " + status + " with a body that is not a "
                    + "result (docs/systems.md)");
        }
    }

    private SystemResult failed(String cause) {
        return new SystemResult.Failed(system, cause);
    }
}
