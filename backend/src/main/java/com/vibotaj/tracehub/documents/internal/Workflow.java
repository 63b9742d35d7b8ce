package com.vibotaj.tracehub.documents.internal;

import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.identity.Permission;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.platform.ProblemException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The review workflow (product spec §3) as one policy: which moves exist and who may make them.
 * {@code uploaded → under_review → approved | rejected}; {@code approved → superseded} only
 * automatically; any status except archived → {@code archived} by an admin of the owner. A rejected
 * document comes back only as a new version, never by moving it.
 */
public final class Workflow {

    private Workflow() {}

    /** What is being moved: its current status and whose it is. */
    public record Subject(DocumentStatus status, UUID ownerOrganizationId, UUID uploaderOrganizationId) {}

    /**
     * Why {@code actor} may not move {@code subject} to {@code to}, as the problem to answer; empty when
     * the move is allowed. Reasons are checked after permissions so a refusal never hints at more.
     */
    public static Optional<ProblemException> refusal(
            Subject subject, DocumentStatus to, Actor actor, @Nullable String reason) {
        DocumentStatus from = subject.status();
        boolean owner = actor.organizationId().equals(subject.ownerOrganizationId());
        boolean reviewer = owner && actor.may(Permission.DOCUMENTS_REVIEW);
        switch (to) {
            case UNDER_REVIEW -> {
                boolean uploaderOrg = actor.organizationId().equals(subject.uploaderOrganizationId())
                        && actor.may(Permission.DOCUMENTS_UPLOAD);
                if (!uploaderOrg && !reviewer) {
                    return Optional.of(Problems.forbidden(
                            "Only the uploader's organisation or a reviewer of the owner may submit a document."));
                }
                if (from != DocumentStatus.UPLOADED) {
                    return Optional.of(refused(from, to));
                }
            }
            case APPROVED, REJECTED -> {
                if (!reviewer) {
                    return Optional.of(Problems.forbidden(
                            "Only a user with documents:review in the shipment owner's organisation may review."));
                }
                if (from != DocumentStatus.UNDER_REVIEW) {
                    return Optional.of(refused(from, to));
                }
                if (to == DocumentStatus.REJECTED && blank(reason)) {
                    return Optional.of(Problems.reasonRequired("reject"));
                }
            }
            case ARCHIVED -> {
                if (!owner || actor.role() != Role.ADMIN) {
                    return Optional.of(
                            Problems.forbidden("Only an administrator of the shipment owner may archive a document."));
                }
                if (from == DocumentStatus.ARCHIVED) {
                    return Optional.of(refused(from, to));
                }
                if (blank(reason)) {
                    return Optional.of(Problems.reasonRequired("archive"));
                }
            }
            case UPLOADED -> {
                return Optional.of(Problems.transitionRefused(
                        "A document returns to uploaded only by uploading a new version of its type."));
            }
            case SUPERSEDED -> {
                return Optional.of(Problems.transitionRefused(
                        "A document is superseded automatically when a newer version of its type is approved."));
            }
        }
        return Optional.empty();
    }

    private static ProblemException refused(DocumentStatus from, DocumentStatus to) {
        return Problems.transitionRefused("A document that is " + from.value() + " cannot move to " + to.value() + ".");
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
