package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.platform.ConflictException;
import com.vibotaj.tracehub.platform.ProblemException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The identity module's problems; each {@code detail} is written for the person who sees it. */
final class IdentityProblems {

    private IdentityProblems() {}

    /** Same answer for an unknown e-mail and a wrong password: existence of accounts must not leak. */
    static final class InvalidCredentials extends ProblemException {
        InvalidCredentials() {
            super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Sign-in failed", "E-mail or password is incorrect.");
        }
    }

    static final class TooManyAttempts extends ProblemException {
        private final long seconds;

        TooManyAttempts(Duration retryAfter) {
            this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }

        private TooManyAttempts(long seconds) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-attempts",
                    "Too many sign-in attempts",
                    "Too many failed sign-in attempts. Try again in " + seconds + " seconds.");
            this.seconds = seconds;
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return headers;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("retryAfterSeconds", seconds);
        }
    }

    static final class InvalidRefreshToken extends ProblemException {
        InvalidRefreshToken() {
            super(
                    HttpStatus.UNAUTHORIZED,
                    "invalid-refresh-token",
                    "Session expired",
                    "Your session has expired or was ended. Sign in again.");
        }
    }

    static ConflictException userExists(String email) {
        return new ConflictException(
                "user-exists",
                "User exists",
                "A user with the e-mail " + email + " already exists. Invite them to add them to this organisation.");
    }

    static ConflictException alreadyMember(String email) {
        return new ConflictException(
                "already-member", "Already a member", email + " is already a member of this organisation.");
    }

    static ConflictException lastAdmin() {
        return new ConflictException(
                "last-admin",
                "Last administrator",
                "This is the organisation's last active administrator. Make another member an administrator first.");
    }

    static ConflictException selfModification(String what) {
        return new ConflictException("self-modification", "Not allowed on yourself", "You cannot " + what + ".");
    }

    static final class InvitationNotFound extends ProblemException {
        InvitationNotFound() {
            super(
                    HttpStatus.NOT_FOUND,
                    "invitation-not-found",
                    "Invitation not found",
                    "This invitation link is not valid. It may have been revoked or replaced by a newer one.");
        }
    }

    static final class InvitationGone extends ProblemException {
        private InvitationGone(String kind, String title, String detail) {
            super(HttpStatus.GONE, kind, title, detail);
        }

        static InvitationGone expired() {
            return new InvitationGone(
                    "invitation-expired",
                    "Invitation expired",
                    "This invitation has expired. Ask your administrator to send a new one.");
        }

        static InvitationGone used() {
            return new InvitationGone(
                    "invitation-used",
                    "Invitation already used",
                    "This invitation has already been accepted. Sign in instead.");
        }
    }

    static ConflictException invitationNotPending() {
        return new ConflictException(
                "invitation-not-pending", "Invitation closed", "Only pending invitations can be resent or revoked.");
    }

    /** Granting a role that can do more than the granter's own would be an escalation by proxy. */
    static final class RoleEscalation extends ProblemException {
        RoleEscalation() {
            super(
                    HttpStatus.FORBIDDEN,
                    "role-escalation",
                    "Role above your own",
                    "You cannot grant a role that has more rights than your own.");
        }
    }

    static ConflictException invitationConflict() {
        return new ConflictException(
                "invitation-conflict",
                "Invitation changed meanwhile",
                "Another invitation for this e-mail address was sent at the same time. Reload and try again.");
    }
}
