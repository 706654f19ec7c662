package nl.waarborg.access.service;

import nl.waarborg.input.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Objections, restrictions and holds over HTTP. Applications record objections (a customer objects on the
 * website) to the purposes their key carries and read them; staff record objections that reach them by e-mail
 * or post, decide them, and place and lift restrictions. Holds: applications place the kinds the policy lets them
 * (the camera system an incident hold), staff place every kind and release them.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Objections, restrictions, holds", description = "The brakes on processing (Art. 21, Art. 18) and holds (R2.4)")
class RestraintController {

    private final Restraints restraints;

    RestraintController(Restraints restraints) {
        this.restraints = restraints;
    }

    record ObjectionBody(String purpose, Instant receivedAt, String channel) {
    }

    record DecisionBody(String decision, String grounds) {
    }

    record RestrictionBody(String ground, List<String> categories) {
    }

    record HoldBody(String kind, String reason, List<String> categories) {
    }

    record ObjectionView(UUID id, UUID subject, String purpose, String status, boolean directMarketing,
                         Instant receivedAt, Instant decideBy, Instant decidedAt, String decidedBy, Instant recordedAt,
                         String recordedBy, long policyVersion) {
        static ObjectionView of(ObjectionRecord o) {
            return new ObjectionView(o.id(), o.subject(), o.purpose(), SubjectRestraints.term(o.status()),
                    o.directMarketing(), o.receivedAt(), o.decideBy(), o.decidedAt(), o.decidedBy(), o.recordedAt(),
                    o.recordedBy(), o.policyVersion());
        }
    }

    record RestrictionView(UUID id, UUID subject, String ground, List<String> categories, boolean active,
                           Instant placedAt, String placedBy, Instant liftedAt, String liftedBy, long policyVersion) {
        static RestrictionView of(RestrictionRecord r) {
            return new RestrictionView(r.id(), r.subject(), SubjectRestraints.term(r.ground()), r.categories(),
                    r.active(), r.placedAt(), r.placedBy(), r.liftedAt(), r.liftedBy(), r.policyVersion());
        }
    }

    record HoldView(UUID id, UUID subject, String kind, String reason, boolean active, Instant placedAt,
                    String placedBy, Instant releasedAt, String releasedBy, long policyVersion, List<String> categories) {
        static HoldView of(HoldRecord h) {
            return new HoldView(h.id(), h.subject(), h.kind().term(), h.reason(), h.active(), h.placedAt(),
                    h.placedBy(), h.releasedAt(), h.releasedBy(), h.policyVersion(), h.categories());
        }
    }

    record RestraintsView(UUID subject, List<ObjectionView> objections, List<RestrictionView> restrictions,
                          List<HoldView> holds) {
    }

    // ---- objections ----

    @PostMapping("/subjects/{id}/objections")
    @Operation(summary = "Record an objection to a purpose", description = "To a direct-marketing purpose it is upheld at "
            + "once (Art. 21(3)): from now on every use for it is denied 'objection-upheld'. To a legitimate-interest or "
            + "public-task purpose it is pending until staff decide it (decideBy: received + the policy's response "
            + "time). Any other basis is refused 422 (consent: withdraw it instead). 201 when recorded; 200 with the "
            + "open objection when one to the purpose is pending or upheld already. Body: purpose, optional receivedAt "
            + "(default now), optional channel (phone, email, letter, in-person: how the person asked; kept in the "
            + "audit event). Roles: application (its key must carry the purpose), staff.")
    ResponseEntity<ObjectionView> object(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                         @RequestBody ObjectionBody body) {
        Restraints.Objected o = restraints.object(caller, id, body.purpose(), body.receivedAt(), body.channel());
        return ResponseEntity.status(o.created() ? HttpStatus.CREATED : HttpStatus.OK).body(ObjectionView.of(o.objection()));
    }

    @PostMapping("/objections/{objectionId}/decision")
    @Operation(summary = "Decide a pending objection", description = "Body: decision upheld|rejected, optional grounds "
            + "with a rejection (compelling-legitimate-grounds, legal-claims: Art. 21(1); kept in the audit event). Upheld stops "
            + "every use for the purpose at once (R4.4); rejected lets processing go on. 409 when it is decided "
            + "already. Role: staff.")
    ObjectionView decide(@AuthenticationPrincipal Caller caller, @PathVariable UUID objectionId,
                         @RequestBody DecisionBody body) {
        return ObjectionView.of(restraints.decide(caller, objectionId, body.decision(), body.grounds()));
    }

    @GetMapping("/objections")
    @Operation(summary = "Pending objections of all subjects", description = "The longest waiting first, each with the "
            + "date it must be decided by. Only status=pending is offered. Role: staff.")
    List<ObjectionView> pending(@RequestParam(defaultValue = "pending") String status,
                                @RequestParam(defaultValue = "1000") int limit) {
        if (!"pending".equals(status)) {
            throw new InvalidInputException("status must be pending; a subject's other objections are under "
                    + "/api/v1/subjects/{id}/restraints");
        }
        return restraints.pendingObjections(limit).stream().map(ObjectionView::of).toList();
    }

    // ---- restrictions ----

    @PostMapping("/subjects/{id}/restrictions")
    @Operation(summary = "Restrict processing (Art. 18)", description = "Body: ground (accuracy-contested, unlawful, "
            + "needed-for-subjects-claim, objection-pending), optional categories (none: all of the subject's data). "
            + "While active, every use but storing is denied 'restriction-active' unless an Art. 18(2) circumstance is "
            + "asserted. Role: staff.")
    ResponseEntity<RestrictionView> restrict(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                             @RequestBody RestrictionBody body) {
        RestrictionRecord r = restraints.restrict(caller, id, body.ground(), body.categories());
        return ResponseEntity.status(HttpStatus.CREATED).body(RestrictionView.of(r));
    }

    @PostMapping("/restrictions/{restrictionId}/lift")
    @Operation(summary = "Lift a restriction", description = "409 when lifted already. Role: staff.")
    RestrictionView lift(@AuthenticationPrincipal Caller caller, @PathVariable UUID restrictionId) {
        return RestrictionView.of(restraints.lift(caller, restrictionId));
    }

    // ---- holds ----

    @PostMapping("/subjects/{id}/holds")
    @Operation(summary = "Place a hold on the subject's data", description = "Body: kind (incident, legal-claim, complaint; "
            + "where the policy declares its kinds under `holds:`, one of those), reason (a code such as a case or ticket "
            + "number; never a name), optional categories (data category ids; none: all of the subject's data). "
            + "Retention extends the periods of rules that name the kind, for the held categories only, up to the "
            + "kind's maximum, while the hold is active. Roles: application (the kinds the policy declares with "
            + "`applications: true`, or incident when it declares none, on data its key's purposes use; otherwise 403), staff.")
    ResponseEntity<HoldView> hold(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody HoldBody body) {
        HoldRecord h = restraints.hold(caller, id, body.kind(), body.reason(), body.categories());
        return ResponseEntity.status(HttpStatus.CREATED).body(HoldView.of(h));
    }

    @PostMapping("/holds/{holdId}/release")
    @Operation(summary = "Release a hold", description = "409 when released already. Role: staff.")
    HoldView release(@AuthenticationPrincipal Caller caller, @PathVariable UUID holdId) {
        return HoldView.of(restraints.release(caller, holdId));
    }

    // ---- reading ----

    @GetMapping("/subjects/{id}/restraints")
    @Operation(summary = "The subject's objections, restrictions and holds", description = "Newest first, with their "
            + "history (decided, lifted, released). An application sees objections to the purposes its key carries. "
            + "Roles: application, staff.")
    RestraintsView list(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Restraints.SubjectRestraintsView v = restraints.of(caller, id);
        return new RestraintsView(v.subject(), v.objections().stream().map(ObjectionView::of).toList(),
                v.restrictions().stream().map(RestrictionView::of).toList(),
                v.holds().stream().map(HoldView::of).toList());
    }
}
