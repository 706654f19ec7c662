package nl.waarborg.database;

/**
 * Whether the embedded database is there: set by the {@link ClusterWatchdog}, read by health, readiness and the
 * filter that answers 503 at once instead of letting every request wait for a connection that cannot come.
 */
public final class DatabaseAvailability {

    private volatile boolean up = true;

    public boolean isUp() {
        return up;
    }

    void down() {
        up = false;
    }

    void up() {
        up = true;
    }
}
