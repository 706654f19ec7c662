package nl.waarborg.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.accounts.service.Accounts;

/**
 * A person at the console or the portal over real HTTP: keeps the cookies the service sets (Java's own cookie store
 * withholds Secure cookies over http://localhost, browsers do not), follows no redirect by itself, and sends the
 * form token of the last page it read with every POST, as a browser submitting that page's form would.
 */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf = "";

    public ConsoleClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** An administrator as the test's own hand: Accounts checks the role of who creates, as the console will. */
    private static final StaffAccount ADMIN = new StaffAccount(UUID.randomUUID(), "test-admin", "Test",
            List.of(Roles.ADMINISTRATOR), false, false, false, java.time.Instant.EPOCH, java.time.Instant.EPOCH);

    /** The password each account made here has now (a new account's first one must be changed at sign-in). */
    private static final Map<String, String> PASSWORDS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Makes an account with {@code roles} and a temporary password (which it must change at its first sign-in, as
     * every new account must) and returns that password; an account made before keeps its current password.
     */
    public static String account(Accounts accounts, String username, List<String> roles) {
        return PASSWORDS.computeIfAbsent(username, u -> {
            String password = "correct horse battery " + UUID.randomUUID();
            accounts.create(ADMIN, new Accounts.NewAccount(u, u, roles, password));
            return password;
        });
    }

    /**
     * A signed-in client for a new (or existing) account of {@code roles}, its temporary password changed at the
     * first sign-in as the console demands; fails if the sign-in does not land on the console.
     */
    public static ConsoleClient signedIn(int port, Accounts accounts, String username, String... roles) {
        String password = account(accounts, username, List.of(roles));
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> r = c.signIn(username, password);
        if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").endsWith("/console/password")) {
            String next = "a passphrase of my own " + UUID.randomUUID();
            c.get("/console/password");
            r = c.post("/console/password", Map.of("current", password, "next", next, "repeat", next));
            PASSWORDS.put(username, next);
        }
        if (r.statusCode() != 302) {
            throw new IllegalStateException("sign-in of " + username + " gave " + r.statusCode());
        }
        return c;
    }

    public HttpResponse<String> signIn(String username, String password) {
        get("/console/signin");
        return post("/console/signin", Map.of("username", username, "password", password));
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs a form with the last page's form token. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.putIfAbsent("_csrf", csrf);
        return postRaw(path, all);
    }

    /** POSTs exactly {@code form}: no form token unless it holds one (to show a forged request is refused). */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> r = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void forget(String cookie) {
        cookies.remove(cookie);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            HttpResponse<T> r = client.send(request, handler);
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
