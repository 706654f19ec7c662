package nl.waarborg.documents;

import java.util.ArrayList;
import java.util.List;
import nl.waarborg.policy.Eea;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.Policy.Recipient;
import nl.waarborg.policy.Safeguard;

/**
 * Transfers outside the EEA in the statement's words (Chapter V, Art. 13(1)(f), 15(2) GDPR): each recipient or system
 * outside it, grouped by how the transfer is protected, one sentence per kind. One place for these sentences, so the
 * statement and the access answer (nl.waarborg.requests) say the same thing in the same words.
 */
public final class TransferWording {

    /** How a transfer is protected, as the statement groups it: one sentence per kind. */
    public enum Kind { ADEQUACY, DPF, US_NOT_CERTIFIED, SCC, BCR, DEROGATION, NONE }

    /** One recipient or system outside the EEA, named with the countries outside it. */
    public record Transfer(Kind kind, String label) {}

    /**
     * The transfers of one kind: the sentence that introduces them (ending in a colon), their labels, and the
     * sentence that follows the list where the kind has one (null otherwise).
     */
    public record Group(Kind kind, String sentence, List<String> labels, String explained) {
        public Group {
            labels = List.copyOf(labels);
        }
    }

    private final Phrases p;
    private final Words w;

    public TransferWording(Policy policy, Lang lang) {
        this(policy, Phrases.of(lang));
    }

    TransferWording(Policy policy, Phrases phrases) {
        this.p = phrases;
        this.w = new Words(policy, phrases);
    }

    /** The transfers among these recipients and systems, in their order (recipients first). */
    public List<Transfer> outside(List<Recipient> recipients, List<DataSystem> systems) {
        List<Transfer> out = new ArrayList<>();
        for (Recipient r : recipients) {
            if (r.outsideEea()) {
                transfer(out, nameOr(w.t(r.name()), r.id()), r.countries(), r.safeguard(), r.dpfCertified());
            }
        }
        for (DataSystem s : systems) {
            if (s.outsideEea()) {
                transfer(out, nameOr(w.t(s.name()), s.id()), s.countries(), s.safeguard(), false);
            }
        }
        return out;
    }

    /** The transfers grouped by kind, in the order of {@link Kind}; kinds without a transfer are left out. */
    public List<Group> groups(List<Transfer> outside) {
        List<Group> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<String> labels = outside.stream().filter(t -> t.kind() == kind).map(Transfer::label).toList();
            if (!labels.isEmpty()) {
                String explained = kind == Kind.SCC ? p.transferSccExplained()
                        : kind == Kind.DEROGATION ? p.transferDerogationRisks() : null;
                out.add(new Group(kind, sentence(kind), labels, explained));
            }
        }
        return out;
    }

    /**
     * Adds a recipient or system outside the EEA. Adequacy for the United States covers only organisations certified
     * under the EU-US Data Privacy Framework (decision of 10 July 2023), so the US is split off from other countries.
     */
    private void transfer(List<Transfer> out, String name, List<String> countries, Safeguard safeguard, boolean dpf) {
        List<String> third = countries.stream().filter(c -> !Eea.contains(c)).toList();
        Kind kind = switch (safeguard == null ? Safeguard.NONE : safeguard) {
            case ADEQUACY -> Kind.ADEQUACY;
            case SCC -> Kind.SCC;
            case BCR -> Kind.BCR;
            case DEROGATION -> Kind.DEROGATION;
            case NONE -> Kind.NONE;
        };
        if (kind == Kind.ADEQUACY && third.stream().anyMatch("US"::equalsIgnoreCase)) {
            out.add(new Transfer(dpf ? Kind.DPF : Kind.US_NOT_CERTIFIED, label(name, List.of("US"))));
            third = third.stream().filter(c -> !"US".equalsIgnoreCase(c)).toList();
            if (third.isEmpty()) {
                return;
            }
        }
        out.add(new Transfer(kind, label(name, third)));
    }

    private String label(String name, List<String> countries) {
        return name + " (" + p.list(countries.stream().map(p::country).toList()) + ")";
    }

    private String sentence(Kind kind) {
        return switch (kind) {
            case ADEQUACY -> p.transferAdequacy();
            case DPF -> p.transferDpf();
            case US_NOT_CERTIFIED -> p.transferUsNotCertified();
            case SCC -> p.transferScc();
            case BCR -> p.transferBcr();
            case DEROGATION -> p.transferDerogation();
            case NONE -> p.transferNoSafeguard();
        };
    }

    private static String nameOr(String name, String id) {
        return name == null || name.isEmpty() ? id : name;
    }
}
