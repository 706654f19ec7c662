package nl.waarborg.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, anywhere in a JSON request body, a text with a NUL character or a lone surrogate (neither is text a
 * person wrote; PostgreSQL refuses the first, and the second cannot be encoded as UTF-8) and a date outside the
 * years 1900-9999 (year 2100 and year -4714 were stored; far-off years overflowed date arithmetic). The refusal
 * is a 400 naming the field by its JSON pointer (ApiErrors), never its value; so is a null in a list. Spring Boot
 * adds this module to
 * the JSON mapper of the API.
 */
@Component
public class InputJsonChecks extends SimpleModule {

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public InputJsonChecks() {
        super("waarborg-input-checks");
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class || type == Instant.class || type == LocalDate.class || type == LocalDateTime.class
                        || type == OffsetDateTime.class || type == ZonedDateTime.class) {
                    return new Checked(deserializer);
                }
                return deserializer;
            }
        });
    }

    /** A null in a list ({@code "references": [null]}) is refused where it is, not met later as a missing value. */
    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.configOverride(List.class).setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }

    /** A value refused by these checks; its message is what the caller reads. */
    static final class RejectedValueException extends MismatchedInputException {
        private final String pointer;
        private final String refusal;

        RejectedValueException(JsonParser p, String pointer, String refusal) {
            super(p, refusal);
            this.pointer = pointer;
            this.refusal = refusal;
        }

        /** What the caller reads: the field by its JSON pointer and why its value is refused. */
        String detail() {
            return (pointer.isEmpty() ? "the body" : pointer) + " " + refusal;
        }

        String pointer() {
            return pointer;
        }
    }

    /** Why a text is refused, or null when it is fine. */
    static String refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return "contains a lone surrogate (not valid Unicode text)";
                }
            } else if (Character.isLowSurrogate(c)) {
                return "contains a lone surrogate (not valid Unicode text)";
            }
        }
        return null;
    }

    /** Why a date is refused, or null when it lies within the years 1900-9999. */
    static String refusal(TemporalAccessor date) {
        boolean inRange = date instanceof Instant i ? !i.isBefore(EARLIEST) && !i.isAfter(LATEST)
                : date.isSupported(ChronoField.YEAR) && date.get(ChronoField.YEAR) >= 1900 && date.get(ChronoField.YEAR) <= 9999;
        return inRange ? null : "is a date outside the years 1900-9999";
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = _delegatee.deserialize(p, ctxt);
            String refusal = switch (value) {
                case String s -> refusal(s);
                case TemporalAccessor t -> refusal(t);
                case null, default -> null;
            };
            if (refusal != null) {
                throw new RejectedValueException(p, p.streamReadContext().pathAsPointer().toString(), refusal);
            }
            return value;
        }
    }
}
