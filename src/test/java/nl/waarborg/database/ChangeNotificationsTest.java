package nl.waarborg.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** LISTEN/NOTIFY across nodes: a second node on the same database hears committed changes, never rolled-back ones. */
class ChangeNotificationsTest extends ServiceTestBase {

    @Autowired
    ChangeNotifications thisNode;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void committedChangeReachesEveryNodeAndRolledBackOneNone() throws Exception {
        ChangeNotifications otherNode = new ChangeNotifications(dataSource, jdbc);
        BlockingQueue<String> heardHere = new LinkedBlockingQueue<>();
        BlockingQueue<String> heardThere = new LinkedBlockingQueue<>();
        thisNode.subscribe("test_changes", heardHere::add);
        otherNode.subscribe("test_changes", heardThere::add);
        otherNode.start();
        try {
            Thread.sleep(600); // both listeners have issued LISTEN (they poll every 250 ms)
            tx.executeWithoutResult(s -> {
                thisNode.publish("test_changes", "rolled-back");
                s.setRollbackOnly();
            });
            tx.executeWithoutResult(s -> thisNode.publish("test_changes", "3f2a-committed"));

            assertThat(heardHere.poll(5, TimeUnit.SECONDS)).isEqualTo("3f2a-committed");
            assertThat(heardThere.poll(5, TimeUnit.SECONDS)).isEqualTo("3f2a-committed");
            assertThat(heardHere.poll(500, TimeUnit.MILLISECONDS)).as("the rolled-back notice never arrives").isNull();
        } finally {
            otherNode.stop();
        }
    }
}
