package nl.waarborg.systems;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for an organisation's webhook system (the JDK's HttpServer on a free port of
 * 127.0.0.1): it records every delivery it receives and answers as the test tells it ({@link #answer}).
 */
public final class FakeWebhookSystem implements AutoCloseable {

    /** One delivery as received. */
    public record Delivery(String id, String timestamp, String signature, String body) {}

    /** How the system answers one delivery: the n-th (from 1) it received. */
    public interface Answer {
        Reply reply(int n, Delivery delivery) throws Exception;
    }

    public record Reply(int status, String body) {
        public static Reply done(String counts) {
            return new Reply(200, "{\"status\":\"done\",\"counts\":" + counts + "}");
        }
    }

    private final HttpServer server;
    public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile Answer answer = (n, d) -> Reply.done("{}");

    public FakeWebhookSystem() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
        server.createContext("/hook", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** From now on, answer so (and forget earlier deliveries). */
    public void answer(Answer a) {
        deliveries.clear();
        answer = a;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Delivery d = new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            deliveries.add(d);
            Reply r;
            try {
                r = answer.reply(deliveries.size(), d);
            } catch (Exception e) {
                r = new Reply(500, "");
            }
            byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().put("content-type", List.of("application/json"));
            exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // the client gave up (a timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
