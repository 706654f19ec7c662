package nl.waarborg.systems.webhook;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook operations Waarborg posts to a {@code webhook} system, in the served OpenAPI document as OpenAPI 3.1
 * {@code webhooks} (sweep, export, erase, rectify), with their bodies and the answer a system gives at once or later
 * on {@code POST /api/v1/systems/{id}/callback}. Written from {@link WebhookMessages}; docs/systems.md says the same.
 */
@Configuration(proxyBeanMethods = false)
class WebhookOpenApi {

    private static final String REF = "#/components/schemas/";

    @Bean
    OpenApiCustomizer systemWebhooks() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas("WebhookSubject", subject());
            components.addSchemas("WebhookResult", result());
            components.addSchemas("WebhookSweep", head("sweep").addProperty("now", new StringSchema().format("date-time"))
                    .addProperty("dryRun", new BooleanSchema().description("true: count what is due, change nothing"))
                    .addProperty("rules", new ArraySchema().items(rule()))
                    .addProperty("held", new ArraySchema().items(subject()).description("Subjects under an active hold "
                            + "(Art. 17(3)(e), 18 GDPR): their data stays, whatever the rules say; empty in a dry run"))
                    .description("Erase (or, dry, count) what is due under these retention rules, except the data of the "
                            + "held subjects. No personal data but the held subjects' references."));
            components.addSchemas("WebhookSubjectOperation", head("export, erase")
                    .addProperty("subject", new Schema<>().$ref(REF + "WebhookSubject"))
                    .description("Export or erase one subject's data; only the subject's links are sent."));
            components.addSchemas("WebhookRectify", head("rectify")
                    .addProperty("subject", new Schema<>().$ref(REF + "WebhookSubject"))
                    .addProperty("category", new StringSchema().description("The data category to correct"))
                    .addProperty("value", new StringSchema().description("The correct value"))
                    .description("Set the subject's values of one data category to one new value."));
            openApi.addWebhooks("systemSweep", webhook("sweep", "WebhookSweep",
                    "Retention: erase what is due in the system (after the vault's sweep)"));
            openApi.addWebhooks("systemExport", webhook("export", "WebhookSubjectOperation",
                    "Access and portability: return every value the system holds of the subject (Art. 15, 20 GDPR)"));
            openApi.addWebhooks("systemErase", webhook("erase", "WebhookSubjectOperation",
                    "Erasure: erase what the system holds of the subject (Art. 17 GDPR)"));
            openApi.addWebhooks("systemRectify", webhook("rectify", "WebhookRectify",
                    "Rectification: correct one data category of the subject (Art. 16 GDPR)"));
        };
    }

    private static PathItem webhook(String type, String schema, String summary) {
        List<Parameter> headers = List.of(
                header(WebhookSignature.ID, "The operation's id; the same at every attempt, so a repeat can be recognised"),
                header(WebhookSignature.TIMESTAMP, "Seconds since 1970 (UTC) when this attempt was sent"),
                header(WebhookSignature.SIGNATURE, "v1,base64(HMAC-SHA256(secret, webhook-id + '.' + webhook-timestamp "
                        + "+ '.' + body)); secret: the system's, named in the policy (whsec_… is base64)"));
        Content result = new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref(REF + "WebhookResult")));
        return new PathItem().post(new Operation().operationId("system-" + type).summary(summary)
                .description("Posted by Waarborg to the system's webhook URL. Answer at once (2xx with a result) or later: "
                        + "202 now, then POST the result, signed the same way with the operation's webhook-id, to "
                        + WebhookMessages.callbackPath("{system}") + ". A refused connection, a timeout or another "
                        + "status is tried again with exponential backoff and jitter.")
                .tags(List.of("Systems"))
                .parameters(headers).security(List.of())
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref(REF + schema)))))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("Done at once: the result").content(result))
                        .addApiResponse("202", new ApiResponse().description("Accepted: the result follows on the callback"))
                        .addApiResponse("4XX", new ApiResponse().description("Refused: tried again later, then shown to staff"))));
    }

    private static Parameter header(String name, String description) {
        return new HeaderParameter().name(name).required(true).description(description).schema(new StringSchema());
    }

    private static ObjectSchema head(String types) {
        ObjectSchema s = new ObjectSchema();
        s.addProperty("type", new StringSchema().description(types));
        s.addProperty("operation", new StringSchema().description("The operation's id (also webhook-id)"));
        s.addProperty("system", new StringSchema().description("The system's id in the policy"));
        s.addProperty("callback", new StringSchema().description("Where a later answer goes, relative to Waarborg's URL"));
        s.setRequired(List.of("type", "operation", "system", "callback"));
        return s;
    }

    private static Schema<?> subject() {
        ObjectSchema reference = new ObjectSchema();
        reference.addProperty("scheme", new StringSchema());
        reference.addProperty("value", new StringSchema());
        ObjectSchema s = new ObjectSchema();
        s.addProperty("id", new StringSchema().format("uuid").description("Waarborg's subject id, when it holds the subject"));
        s.addProperty("references", new ArraySchema().items(reference).description("The subject's references per scheme"));
        s.addProperty("emails", new ArraySchema().items(new StringSchema()).description("E-mail addresses, normalised"));
        s.addProperty("phones", new ArraySchema().items(new StringSchema()).description("Phone numbers (E.164)"));
        s.description("How the system finds the subject's data; nothing else of the subject");
        return s;
    }

    private static Schema<?> rule() {
        ObjectSchema r = new ObjectSchema();
        r.addProperty("id", new StringSchema());
        r.addProperty("categories", new ArraySchema().items(new StringSchema()));
        r.addProperty("subjectCategories", new ArraySchema().items(new StringSchema()));
        r.addProperty("period", new StringSchema().description("ISO-8601 period, e.g. P6M"));
        r.addProperty("start", new ObjectSchema().description("{collection: true}, {events: [ids]} or {itemDate: id}"));
        r.addProperty("round", new StringSchema().description("Round the start first: start-of-next-year, "
                + "end-of-year, … (docs/policy-format.md); absent: not rounded"));
        r.addProperty("whileConsent", new StringSchema().description("The rule applies to a subject only while its "
                + "consent for this purpose stands (Art. 7(3)); absent: always"));
        r.addProperty("end", new StringSchema().description("delete or anonymise"));
        return r;
    }

    private static Schema<?> result() {
        ObjectSchema value = new ObjectSchema();
        value.addProperty("category", new StringSchema());
        value.addProperty("value", new StringSchema());
        value.addProperty("table", new StringSchema());
        value.addProperty("field", new StringSchema());
        ObjectSchema s = new ObjectSchema();
        s.addProperty("status", new StringSchema().description("done, partial or failed"));
        s.addProperty("counts", new MapSchema().additionalProperties(new IntegerSchema().format("int64"))
                .description("How many values or rows, per data category; never a value"));
        s.addProperty("digest", new StringSchema().description("SHA-256 (hex) of the keys erased, as proof"));
        s.addProperty("cause", new StringSchema().description("partial or failed: a code (lower case, digits, '-'); "
                + "a cause that is no code is not kept"));
        s.addProperty("values", new ArraySchema().items(value).description("export only: the subject's values"));
        s.setRequired(List.of("status"));
        return s;
    }
}
