package nl.waarborg.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.policy.RetentionCalculator.Item;
import nl.waarborg.policy.RetentionCalculator.Subject;
import org.junit.jupiter.api.Test;

/** An item's stored schedule on the clean test policy: rental data 1 year after contract end, fiscal 7 years. */
class RetentionScheduleTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final RetentionSchedule schedule;

    RetentionScheduleTest() throws Exception {
        Policy policy = PolicyLoader.load("clean.yaml", Files.readAllBytes(Path.of("src/test/resources/policies/clean.yaml")))
                .orThrow().policy();
        schedule = new RetentionSchedule(policy, AMSTERDAM);
    }

    private static Instant at(String date) {
        return java.time.LocalDate.parse(date).atStartOfDay(AMSTERDAM).toInstant();
    }

    @Test
    void whenTheContractRuleEndsOnlyTheFiscalPurposeMayStillUseTheItem() {
        Item name = new Item("name", Set.of("rental", "bookkeeping"), at("2026-01-01"));
        Subject subject = new Subject(Map.of("customer", at("2026-01-01")), Map.of("contract-ended", at("2027-01-01")), Set.of());
        RetentionSchedule.Schedule s = schedule.schedule(name, subject, at("2026-06-01"));
        assertThat(s.dueAt()).isEqualTo(at("2034-01-01"));
        assertThat(s.rule()).isEqualTo("fiscal");
        assertThat(s.action()).isEqualTo(EndAction.DELETE);
        assertThat(s.narrowedAt()).isEqualTo(at("2028-01-01"));
        assertThat(s.retainedFor()).contains("bookkeeping").doesNotContain("rental");
    }

    @Test
    void beforeTheContractEndsTheItemHasNoDueDateAndIsNotNarrowed() {
        Item name = new Item("name", Set.of("rental", "bookkeeping"), at("2026-01-01"));
        Subject subject = new Subject(Map.of("customer", at("2026-01-01")), Map.of(), Set.of());
        RetentionSchedule.Schedule s = schedule.schedule(name, subject, at("2026-06-01"));
        assertThat(s.dueAt()).isNull();
        assertThat(s.rule()).as("the rule that keeps it undated, first in the policy").isEqualTo("customers");
        assertThat(s.narrowedAt()).isNull();
        assertThat(s.retainedFor()).isEmpty();
    }

    @Test
    void anItemNarrowsStepByStepAsItsRulesEnd() throws Exception {
        // a disputes rule keeps rental data three years after the contract, for the rental and the bookkeeping
        String yaml = Files.readString(Path.of("src/test/resources/policies/clean.yaml")).replace("""
                  - id: fiscal
                """, """
                  - id: disputes
                    data: [name]
                    purposes: [rental, bookkeeping]
                    period: P3Y
                    start: contract-ended
                  - id: fiscal
                """);
        RetentionSchedule three = new RetentionSchedule(PolicyLoader.load("three.yaml", yaml.getBytes(StandardCharsets.UTF_8))
                .orThrow().policy(), AMSTERDAM);
        Item name = new Item("name", Set.of("rental", "bookkeeping"), at("2026-01-01"));
        Subject subject = new Subject(Map.of("customer", at("2026-01-01")), Map.of("contract-ended", at("2027-01-01")), Set.of());

        RetentionSchedule.Schedule before = three.schedule(name, subject, at("2027-06-01"));
        assertThat(before.narrowedAt()).as("the first step ahead").isEqualTo(at("2028-01-01"));
        assertThat(before.retainedFor()).containsExactly("bookkeeping", "rental");
        assertThat(before.renarrowAt()).as("the second step").isEqualTo(at("2030-01-01"));

        RetentionSchedule.Schedule during = three.schedule(name, subject, at("2029-01-01"));
        assertThat(during).isEqualTo(before);

        RetentionSchedule.Schedule after = three.schedule(name, subject, at("2030-01-01"));
        assertThat(after.narrowedAt()).isEqualTo(at("2030-01-01"));
        assertThat(after.retainedFor()).containsExactly("bookkeeping");
        assertThat(after.renarrowAt()).isNull();
        assertThat(after.dueAt()).isEqualTo(at("2034-01-01"));
    }
}
