package nl.waarborg.documents.web;

import io.swagger.v3.oas.annotations.Operation;
import nl.waarborg.input.ApiException;
import nl.waarborg.documents.RegisterFormat;
import nl.waarborg.documents.RegisterRenderer;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.documents.StatementRenderer;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documents derived from the policy in force: the public privacy statement (also the portal's home
 * page) and the staff-only Art. 30 registers: the controller's (Art. 30(1)) and, for a policy with
 * {@code as-processor} activities, the processor's (Art. 30(2)). Access rules live in the web security configuration.
 */
@RestController
class DocumentController {

    private final ActivePolicy active;

    DocumentController(ActivePolicy active) {
        this.active = active;
    }

    /** The portal's home page: the statement in the policy's first language, or the one asked for. */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> home(@RequestParam(required = false) String lang) {
        Lang chosen = lang == null ? active.policy().statement().languages().get(0) : DocumentParams.lang(lang);
        byte[] html = StatementRenderer.render(active.policy(), chosen, StatementFormat.HTML);
        ResponseEntity<byte[]> page = document(html, StatementFormat.HTML.mediaType(), null, chosen, "html");
        // the statement carries its own style (it is also a download); the pages' policy would block it, leaving the
        // page unstyled and its contents' links too close together to tap (WCAG 2.5.8): allow that one block by hash
        return ResponseEntity.status(page.getStatusCode()).headers(h -> {
            h.addAll(page.getHeaders());
            h.set("Content-Security-Policy",
                    ContentSecurityPolicy.allowingStyleOf(new String(html, java.nio.charset.StandardCharsets.UTF_8)));
        }).body(page.getBody());
    }

    @GetMapping("/api/v1/policy/statement")
    @Operation(summary = "The privacy statement, in nl or en, as HTML or Markdown", description = "Public.")
    ResponseEntity<byte[]> statement(@RequestParam(defaultValue = "nl") String lang,
                                     @RequestParam(defaultValue = "html") String format) {
        Lang chosen = DocumentParams.lang(lang);
        StatementFormat f = DocumentParams.format(format);
        return document(StatementRenderer.render(active.policy(), chosen, f), f.mediaType(), null, chosen, f.extension());
    }

    @GetMapping("/api/v1/policy/register")
    @Operation(summary = "The Art. 30(1) register, as CSV, XLSX, HTML or JSON-LD", description = "Role: staff.")
    ResponseEntity<byte[]> register(@RequestParam(defaultValue = "csv") String format) {
        RegisterFormat f = DocumentParams.parse(() -> RegisterFormat.parse(format));
        String file = "register-" + active.version().statementVersion() + "." + f.extension();
        return document(RegisterRenderer.render(active.policy(), f), f.mediaType(), file, null, f.extension());
    }

    @GetMapping("/api/v1/policy/register/processor")
    @Operation(summary = "The processor's Art. 30(2) register (the policy's as-processor section), as CSV, XLSX, HTML or JSON-LD",
            description = "Role: staff. 404 when the policy declares no as-processor activities.")
    ResponseEntity<byte[]> processorRegister(@RequestParam(defaultValue = "csv") String format) {
        RegisterFormat f = DocumentParams.parse(() -> RegisterFormat.parse(format));
        if (!RegisterRenderer.hasProcessorRegister(active.policy())) {
            throw new NoProcessorRegisterException();
        }
        String file = "register-processor-" + active.version().statementVersion() + "." + f.extension();
        return document(RegisterRenderer.renderProcessor(active.policy(), f), f.mediaType(), file, null, f.extension());
    }

    /** The policy in force processes for no other controller: there is no Art. 30(2) record to give. */
    static final class NoProcessorRegisterException extends ApiException {
        NoProcessorRegisterException() {
            super(HttpStatus.NOT_FOUND, "No processor's register",
                    "the policy in force declares no as-processor activities, so there is no processor's register "
                            + "(Art. 30(2) GDPR); declare them in the policy's as-processor section");
        }
    }

    /** The body with its type, language, and an ETag that changes with the policy version, language and format. */
    private ResponseEntity<byte[]> document(byte[] body, String mediaType, String attachment, Lang lang, String variant) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .eTag("\"" + active.version().contentHash() + (lang == null ? "" : "-" + lang.code()) + "-" + variant + "\"");
        if (lang != null) {
            response.header(HttpHeaders.CONTENT_LANGUAGE, lang.code());
        }
        if (attachment != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + attachment + "\"");
        }
        return response.body(body);
    }
}
