package nl.waarborg.requests.service;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.waarborg.access.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The identity check's evidence over HTTP (docs/requests.md, "Identity"): staff send the confirmation link and upload
 * and view a masked ID copy; the person opens the link's page (public: the token is the credential). The decision
 * itself stays {@code POST /api/v1/requests/{reference}/identity} (RequestsController).
 */
@RestController
@Tag(name = "Requests", description = "Data-subject requests (Art. 15-21, 7(3) GDPR) with their legal deadlines")
class IdentityController {

    /**
     * The link's page: nothing from elsewhere, no script, no style; the form posts to this same address. No referrer
     * (the token is in the address), never cached, never framed.
     */
    static final String PAGE_POLICY = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final IdentityConfirmations confirmations;
    private final IdCopies copies;

    IdentityController(IdentityConfirmations confirmations, IdCopies copies) {
        this.confirmations = confirmations;
        this.copies = copies;
    }

    record EmailLinkBody(String category) {}

    @PostMapping("/api/v1/requests/{reference}/identity/email-link")
    @Operation(summary = "Mail a one-time confirmation link to an e-mail address the vault holds for the request's "
            + "subject (never one the requester typed)", description = "Staff. Body optional: {\"category\": C}, a "
            + "data category the policy marks as an e-mail address (dpv pd:EmailAddress); default the newest such "
            + "address. The link works once for waarborg.requests.confirmation-valid (7 days); a newer one retires it. "
            + "409 no-subject, no-address, identity-decided, closed, mail-disabled; 400 when the policy does not allow email-link.")
    IdentityConfirmations.Sent emailLink(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                                         @RequestBody(required = false) EmailLinkBody body) {
        return confirmations.send(caller, reference, body == null ? null : body.category());
    }

    @PostMapping("/api/v1/requests/{reference}/identity/copy")
    @Operation(summary = "Upload a masked ID copy for the identity check (only where the policy allows id-copy-masked)",
            description = "Staff. The body is the file itself, Content-Type image/jpeg, image/png or application/pdf, at "
                    + "most waarborg.requests.max-id-copy (10 MB). Stored encrypted; replaced by a later upload; deleted "
                    + "at the identity decision. 201 with the type, size and time, never the content.")
    ResponseEntity<IdCopies.Received> uploadCopy(@AuthenticationPrincipal Caller caller, @PathVariable String reference,
                                                 HttpServletRequest request) throws IOException {
        IdCopies.Received received = copies.receive(caller, reference, request.getContentType(), request.getInputStream());
        return ResponseEntity.status(201).body(received);
    }

    @GetMapping("/api/v1/requests/{reference}/identity/copy")
    @Operation(summary = "View the request's ID copy (staff; audited; 404 once deleted at the decision)")
    ResponseEntity<byte[]> copy(@AuthenticationPrincipal Caller caller, @PathVariable String reference) {
        IdCopies.Copy c = copies.read(caller, reference);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.mediaType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(c.content());
    }

    @GetMapping(path = "/requests/confirm/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The confirmation link's page: a button (public; a GET never confirms)")
    ResponseEntity<String> confirmPage(@PathVariable String token) {
        return page(confirmations.show(token));
    }

    @PostMapping(path = "/requests/confirm/{token}", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Confirm through the link: the identity is verified by email-link (public; once)")
    ResponseEntity<String> confirm(@PathVariable String token) {
        return page(confirmations.confirm(token));
    }

    private ResponseEntity<String> page(IdentityConfirmations.Shown shown) {
        return ResponseEntity.status(shown.status())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_LANGUAGE, shown.lang().term())
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .cacheControl(CacheControl.noStore())
                .body(confirmations.page(shown));
    }
}
