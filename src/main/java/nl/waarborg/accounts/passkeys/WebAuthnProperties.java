package nl.waarborg.accounts.passkeys;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebAuthn relying party ({@code waarborg.accounts.webauthn.*}, docs/accounts.md "Passkeys"), checked at start: a
 * passkey is bound to {@code rpId} by the authenticator, and a sign-in is accepted only from the {@code allowedOrigins}
 * (the addresses people open the console at), so a look-alike site can neither use nor phish a passkey.
 *
 * @param rpId           the host name passkeys are made for: the console's host or a parent domain of it
 * @param rpName         the name an authenticator shows when a passkey is made
 * @param allowedOrigins the console's origins ({@code https://host[:port]}); plain http only for localhost
 */
@ConfigurationProperties("waarborg.accounts.webauthn")
public record WebAuthnProperties(
        @DefaultValue("localhost") String rpId,
        @DefaultValue("Waarborg") String rpName,
        @DefaultValue("http://localhost:8080") List<String> allowedOrigins) {

    private static final Pattern HOST = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");

    public WebAuthnProperties {
        if (rpId == null || !HOST.matcher(rpId).matches()) {
            throw new IllegalArgumentException("waarborg.accounts.webauthn.rp-id must be a lower-case host name "
                    + "(no scheme, port or path)");
        }
        if (rpName == null || rpName.isBlank() || rpName.length() > 64) {
            throw new IllegalArgumentException("waarborg.accounts.webauthn.rp-name must be 1 to 64 characters");
        }
        if (allowedOrigins == null || allowedOrigins.isEmpty()) {
            throw new IllegalArgumentException("waarborg.accounts.webauthn.allowed-origins must name at least one origin");
        }
        for (String origin : allowedOrigins) {
            check(rpId, origin);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    private static void check(String rpId, String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("waarborg.accounts.webauthn.allowed-origins: not an origin: " + origin);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost");
        if (!("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local))
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("waarborg.accounts.webauthn.allowed-origins: " + origin
                    + " must be https://host[:port] without a path (http only for localhost)");
        }
        // WebAuthn 5.1.3: the rp id must be the origin's host or a registrable suffix of it
        if (!(host.equals(rpId) || host.endsWith("." + rpId))) {
            throw new IllegalArgumentException("waarborg.accounts.webauthn.allowed-origins: " + origin
                    + " is not on the relying party's host " + rpId);
        }
    }
}
