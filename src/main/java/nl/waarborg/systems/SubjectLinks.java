package nl.waarborg.systems;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.waarborg.policy.LinkKind;

/**
 * How a system's rows are found for one subject: the subject's references per scheme and identifiers (e-mail
 * address, phone number, normalised as the vault does) known to the caller. {@code subject} may be null for a person
 * Waarborg holds nothing of yet (a request by e-mail address only).
 */
public record SubjectLinks(UUID subject, List<Link> links) {

    public SubjectLinks {
        links = List.copyOf(links);
    }

    /** One link: a reference of {@code scheme}, or an identifier of {@code kind} (scheme null). */
    public record Link(LinkKind kind, String scheme, String value) {

        public Link {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() { // the value is personal or pseudonymous: never in logs or messages
            return "Link[" + kind.term() + (scheme == null ? "" : ":" + scheme) + "]";
        }
    }

    /** The values of the links a mapped table's subject column holds. */
    public List<String> values(LinkKind kind, String scheme) {
        return links.stream().filter(l -> l.kind() == kind && Objects.equals(l.scheme(), scheme)).map(Link::value).toList();
    }
}
