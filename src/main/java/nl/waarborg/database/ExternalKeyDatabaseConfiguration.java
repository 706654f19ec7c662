package nl.waarborg.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With an external value database ({@code spring.datasource.url}), the key store must be named too
 * ({@code waarborg.keys.url}, {@code .username}, {@code .password}) and must be another database: keys beside
 * the values they encrypt would survive in every backup, and erasure would not reach those copies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
class ExternalKeyDatabaseConfiguration {

    @Bean
    KeyDatabase keyDatabase(@Value("${spring.datasource.url}") String valuesUrl,
                            @Value("${waarborg.keys.url:}") String url,
                            @Value("${waarborg.keys.username:${spring.datasource.username:postgres}}") String username,
                            @Value("${waarborg.keys.password:}") String password) {
        if (url.isBlank()) {
            throw new KeyDatabaseMissingException("waarborg.keys.url is not set: with an external database"
                    + " (spring.datasource.url) the subjects' data keys need a database of their own");
        }
        if (url.strip().equals(valuesUrl.strip())) {
            throw new KeyDatabaseMissingException("waarborg.keys.url names the same database as spring.datasource.url:"
                    + " the subjects' data keys must not be kept with the values they encrypt");
        }
        return new KeyDatabase(url.strip(), username, password.isEmpty() ? null : password);
    }

    /** The key store is not configured, or configured as the value database itself. */
    public static final class KeyDatabaseMissingException extends IllegalStateException {
        KeyDatabaseMissingException(String message) {
            super(message);
        }
    }
}
