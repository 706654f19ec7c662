package nl.waarborg.systems.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.Policy.JdbcMapping;
import nl.waarborg.systems.Secrets;

/**
 * Connects to each jdbc system of a policy with the settings its mapping names (read through {@link Secrets}) and runs
 * the {@link SchemaCheck} there, read-only. A system that cannot be reached (a setting missing, the server down, the
 * credentials refused) is an {@link Unreachable} outcome whose cause names the system and the driver's reason, never
 * the password: it is cut out of the reason should a driver ever echo it.
 */
public final class MappingCheck {

    /** What checking one system came to. */
    public sealed interface Outcome {
        String system();
    }

    /** The system was reached and its schema read: the findings (none: the mapping fits). */
    public record Checked(String system, List<Finding> findings) implements Outcome {}

    /** The system could not be reached or read; {@code cause} names it and why, without a secret. */
    public record Unreachable(String system, String cause) implements Outcome {}

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password|pwd)=[^&;\\s]*");

    private final Secrets secrets;
    private final Duration timeout;

    public MappingCheck(Secrets secrets, Duration timeout) {
        this.secrets = secrets;
        this.timeout = timeout;
    }

    /** Every jdbc system of the policy, in the order the policy declares them. */
    public List<Outcome> checkAll(LoadedPolicy policy) {
        List<Outcome> out = new ArrayList<>();
        for (DataSystem s : policy.policy().systems()) {
            if (s.jdbc() != null) {
                out.add(check(policy, s));
            }
        }
        return out;
    }

    public Outcome check(LoadedPolicy policy, DataSystem system) {
        JdbcMapping m = system.jdbc();
        String url;
        String user;
        String password;
        try {
            url = secrets.read(system.id(), "url", m.url());
            user = secrets.read(system.id(), "user", m.user());
            password = secrets.read(system.id(), "password", m.password());
        } catch (Secrets.SecretUnavailableException e) {
            return new Unreachable(system.id(), e.getMessage()); // names the variable or file, never a value
        }
        try (Connection c = DriverManager.getConnection(url, properties(url, user, password))) {
            c.setReadOnly(true);
            return new Checked(system.id(), new SchemaCheck(policy).check(system, c));
        } catch (SQLException | RuntimeException e) {
            return new Unreachable(system.id(), "system `" + system.id() + "`: cannot connect to or read its database ("
                    + where(url) + "): " + scrub(reason(e), password));
        }
    }

    private Properties properties(String url, String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        long seconds = Math.max(1, timeout.toSeconds());
        if (url.startsWith("jdbc:postgresql:")) {
            p.setProperty("connectTimeout", Long.toString(seconds));
            p.setProperty("loginTimeout", Long.toString(seconds));
            p.setProperty("socketTimeout", Long.toString(seconds * 3));
            p.setProperty("ApplicationName", "waarborg systems check");
        } else {
            p.setProperty("connectTimeout", Long.toString(seconds * 1000));
            p.setProperty("socketTimeout", Long.toString(seconds * 3000));
        }
        return p;
    }

    /** The URL up to its parameters: host and database say where, parameters may carry what must not be shown. */
    static String where(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        return base.replaceFirst("//[^/@]*@", "//"); // user:password@host

    }

    /** The driver's own words, first line, with the password and any password parameter cut out. */
    static String scrub(String reason, String password) {
        String r = PASSWORD_PARAMETER.matcher(reason).replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + "=***"));
        if (password != null && !password.isEmpty()) {
            r = r.replace(password, "***");
        }
        return r;
    }

    private static String reason(Throwable t) {
        Throwable said = t;
        String message = said.getMessage();
        if (message == null || message.isBlank()) {
            while (said.getCause() != null && said.getCause() != said) {
                said = said.getCause();
            }
            message = said.getMessage() != null ? said.getMessage() : said.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}
