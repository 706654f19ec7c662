package nl.waarborg.accounts.oidc;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through an OpenID Connect provider ({@code waarborg.accounts.oidc.*}), checked at start when
 * {@code issuer-uri} is set; without it nothing of OIDC exists. The secret comes from the environment
 * ({@code WAARBORG_ACCOUNTS_OIDC_CLIENT_SECRET}), never from a file in the repository.
 *
 * @param issuerUri     the provider's issuer (its discovery document is read at start); https, http only for localhost
 * @param clientId      this service's client id at the provider
 * @param clientSecret  this service's client secret at the provider
 * @param usernameClaim the ID token's claim holding the username of the staff account to sign in as
 * @param providerName  the name on the sign-in page's button ("Sign in with …")
 * @param scopes        the scopes asked for; {@code openid} always
 */
@ConfigurationProperties("waarborg.accounts.oidc")
public record OidcProperties(
        String issuerUri,
        String clientId,
        String clientSecret,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("OpenID Connect") String providerName,
        @DefaultValue({"openid", "profile"}) List<String> scopes) {

    public OidcProperties {
        scopes = scopes == null ? List.of("openid") : List.copyOf(scopes);
        if (issuerUri != null && !issuerUri.isBlank()) {
            URI uri = URI.create(issuerUri);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean local = host.equals("localhost") || host.equals("127.0.0.1");
            if (!("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local))) {
                throw new IllegalArgumentException("waarborg.accounts.oidc.issuer-uri must be https (http only for localhost)");
            }
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("waarborg.accounts.oidc.client-id is required with issuer-uri");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("waarborg.accounts.oidc.client-secret is required with issuer-uri "
                        + "(set WAARBORG_ACCOUNTS_OIDC_CLIENT_SECRET)");
            }
            if (usernameClaim == null || !usernameClaim.matches("[A-Za-z0-9_:.-]{1,64}")) {
                throw new IllegalArgumentException("waarborg.accounts.oidc.username-claim must be a claim name");
            }
            if (providerName == null || providerName.isBlank() || providerName.length() > 64) {
                throw new IllegalArgumentException("waarborg.accounts.oidc.provider-name must be 1 to 64 characters");
            }
            if (!scopes.contains("openid")) {
                throw new IllegalArgumentException("waarborg.accounts.oidc.scopes must include openid");
            }
        }
    }

    @Override
    public String toString() { // never the secret, should the settings end up in a message
        return "OidcProperties[issuerUri=" + issuerUri + ", clientId=" + clientId + ", usernameClaim=" + usernameClaim + "]";
    }
}
