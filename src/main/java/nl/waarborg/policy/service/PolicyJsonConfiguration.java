package nl.waarborg.policy.service;

import java.util.List;
import nl.waarborg.policy.PolicyTerm;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.RetentionStart;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/** JSON of the policy model in the words of the YAML format: `legitimate-interest`, `P7D`, `collection`. */
@Configuration(proxyBeanMethods = false)
class PolicyJsonConfiguration {

    @Bean
    SimpleModule policyJsonModule() {
        SimpleModule module = new SimpleModule("waarborg-policy");
        module.addSerializer(PolicyTerm.class, new ValueSerializer<>() {
            @Override
            public void serialize(PolicyTerm value, JsonGenerator gen, SerializationContext ctx) {
                gen.writeString(value.term());
            }
        });
        module.addSerializer(RetentionPeriod.class, new ValueSerializer<>() {
            @Override
            public void serialize(RetentionPeriod value, JsonGenerator gen, SerializationContext ctx) {
                gen.writeString(value.raw());
            }
        });
        module.addSerializer(RetentionStart.class, new ValueSerializer<>() {
            @Override
            public void serialize(RetentionStart value, JsonGenerator gen, SerializationContext ctx) {
                switch (value) {
                    case RetentionStart.AtCollection c -> gen.writeString("collection");
                    case RetentionStart.AtItemDate(String date) -> {
                        gen.writeStartObject();
                        gen.writeStringProperty("item-date", date);
                        gen.writeEndObject();
                    }
                    case RetentionStart.AfterEvents(List<String> events) -> {
                        gen.writeStartArray();
                        for (String e : events) {
                            gen.writeString(e);
                        }
                        gen.writeEndArray();
                    }
                }
            }
        });
        return module;
    }
}
