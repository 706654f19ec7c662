package nl.waarborg.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health says at once when the embedded server is down, without waiting for a connection attempt to time out. */
final class EmbeddedDatabaseHealth implements HealthIndicator {

    private final DatabaseAvailability availability;

    EmbeddedDatabaseHealth(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Health health() {
        return availability.isUp() ? Health.up().build() : Health.down().build();
    }
}
