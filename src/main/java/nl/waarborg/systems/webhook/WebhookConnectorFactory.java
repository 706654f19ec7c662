package nl.waarborg.systems.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.systems.Secrets;
import nl.waarborg.systems.SystemConnector;
import nl.waarborg.systems.SystemConnectorFactory;
import nl.waarborg.systems.SystemsProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Makes the connector of each {@code webhook} system that names its URL and secret. */
@Component
class WebhookConnectorFactory implements SystemConnectorFactory {

    private final Secrets secrets;
    private final HttpClient client;
    private final SystemsProperties properties;
    private final Clock clock;

    WebhookConnectorFactory(@Value("${waarborg.data-dir:data}") Path dataDir, SystemsProperties properties, Clock clock,
                            @Value("${waarborg.systems.settings-file:}") String settingsFile) {
        this.secrets = new Secrets(dataDir, Secrets.environment(settingsFile));
        this.properties = properties;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public boolean handles(DataSystem system) {
        return system.connector() == Connector.WEBHOOK && system.webhook() != null && system.webhook().url() != null;
    }

    @Override
    public SystemConnector create(Policy policy, DataSystem system) {
        String secret = secrets.read(system.id(), "webhook secret", system.webhook().secret());
        return new WebhookConnector(policy, system.id(), URI.create(system.webhook().url()), new WebhookSignature(secret),
                client, properties.webhookTimeout(), clock);
    }
}
