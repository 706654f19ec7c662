package nl.waarborg;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Waarborg service. Started by {@code waarborg serve}; see {@link nl.waarborg.cli.WaarborgCommand}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WaarborgApplication {

    /** Time is an input (design principle 4): everything that needs "now" asks this clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(WaarborgApplication.class, args);
    }
}
