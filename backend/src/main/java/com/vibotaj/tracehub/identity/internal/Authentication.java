package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.identity.IdentityProperties;
import com.vibotaj.tracehub.identity.internal.IdentityProblems.InvalidCredentials;
import com.vibotaj.tracehub.identity.internal.IdentityProblems.InvalidRefreshToken;
import com.vibotaj.tracehub.identity.internal.IdentityProblems.TooManyAttempts;
import com.vibotaj.tracehub.identity.internal.RefreshTokenRepository.StoredToken;
import com.vibotaj.tracehub.platform.ScopedTransactions;
import com.vibotaj.tracehub.platform.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sign-in, token refresh and sign-out. Each flow is two short transactions: a lookup under a narrow
 * scope (the e-mail or the token hash presented), then the work under the found user's own scope;
 * the slow password check runs between them, holding no connection.
 */
@Service
public class Authentication {

    private static final Logger log = LoggerFactory.getLogger(Authentication.class);

    private final ScopedTransactions tx;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final RefreshTokenRepository refreshTokens;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final IdentityProperties properties;
    private final Clock clock;
    private final String dummyHash;

    Authentication(
            ScopedTransactions tx,
            UserRepository users,
            MembershipRepository memberships,
            RefreshTokenRepository refreshTokens,
            AccessTokens accessTokens,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            IdentityProperties properties,
            Clock clock) {
        this.tx = tx;
        this.users = users;
        this.memberships = memberships;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Tokens handed to a signed-in client: the access token and the refresh cookie's secret. */
    public record Session(String accessToken, long expiresInSeconds, String refreshToken, Duration refreshTtl) {}

    public Session login(String rawEmail, String password, String clientAddress) {
        String email = rawEmail.trim().toLowerCase(Locale.ROOT);
        Optional<Duration> wait = throttle.retryAfter(email, clientAddress);
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.get());
        }
        Optional<UserAccount> user = tx.read(TenantScope.lookupEmail(email), () -> users.findByEmail(email));
        // Unknown e-mails still cost one hash comparison, so timing does not reveal which accounts exist.
        boolean matches =
                passwords.matches(password, user.map(UserAccount::passwordHash).orElse(dummyHash));
        if (user.isEmpty() || !matches) {
            throttle.recordFailure(email, clientAddress);
            throw new InvalidCredentials();
        }
        UserAccount account = user.get();
        Session session = tx.write(TenantScope.user(account.id()), () -> {
            MembershipRecord membership = memberships.findByUser(account.id()).stream()
                    .filter(MembershipRecord::active)
                    .findFirst()
                    .orElseThrow(InvalidCredentials::new);
            if (passwords.upgradeEncoding(account.passwordHash())) {
                users.updatePasswordHash(account.id(), passwords.encode(password));
            }
            users.recordLogin(account.id());
            return startSession(UUID.randomUUID(), membership);
        });
        throttle.recordSuccess(email);
        log.info("User {} signed in", account.id());
        return session;
    }

    /**
     * Exchanges a refresh token for a new access token and a new refresh token. Presenting a token that
     * was already exchanged means it was copied: the whole family is revoked, ending the thief's and the
     * owner's sessions alike.
     */
    public Session refresh(String refreshToken) {
        StoredToken found = lookup(refreshToken).orElseThrow(InvalidRefreshToken::new);
        Result result = tx.write(TenantScope.of(found.organizationId(), found.userId()), () -> {
            StoredToken current = refreshTokens.lock(found.id()).orElseThrow(InvalidRefreshToken::new);
            if (current.usedAt() != null && current.revokedAt() == null) {
                refreshTokens.revokeFamily(current.familyId());
                return Result.reused(current);
            }
            if (current.revokedAt() != null || !current.expiresAt().isAfter(clock.instant())) {
                return Result.rejected();
            }
            Optional<MembershipRecord> membership =
                    memberships.find(current.userId(), current.organizationId()).filter(MembershipRecord::active);
            if (membership.isEmpty()) {
                refreshTokens.revokeFamily(current.familyId());
                return Result.rejected();
            }
            refreshTokens.markUsed(current.id());
            return Result.ok(startSession(current.familyId(), membership.get()));
        });
        if (result.reusedBy() != null) {
            log.warn(
                    "Refresh token reuse detected for user {}; session family revoked",
                    result.reusedBy().userId());
        }
        if (result.session() == null) {
            throw new InvalidRefreshToken();
        }
        return result.session();
    }

    /** Ends the session family of the presented refresh token; unknown tokens are ignored. */
    public void logout(String refreshToken) {
        lookup(refreshToken)
                .ifPresent(found -> tx.write(
                        TenantScope.of(found.organizationId(), found.userId()),
                        () -> refreshTokens.revokeFamily(found.familyId())));
    }

    private Optional<StoredToken> lookup(String refreshToken) {
        if (!SecretTokens.looksValid(refreshToken)) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(refreshToken);
        return tx.read(TenantScope.lookupToken(hash), () -> refreshTokens.findByHash(hash));
    }

    private Session startSession(UUID familyId, MembershipRecord membership) {
        String secret = SecretTokens.newToken();
        Instant expires = clock.instant().plus(properties.refreshTokenTtl());
        refreshTokens.insert(
                familyId, membership.userId(), membership.organizationId(), SecretTokens.hash(secret), expires);
        String access = accessTokens.issue(membership.userId(), membership.organizationId(), membership.role());
        return new Session(access, accessTokens.ttlSeconds(), secret, properties.refreshTokenTtl());
    }

    private record Result(Session session, StoredToken reusedBy) {
        static Result ok(Session session) {
            return new Result(session, null);
        }

        static Result reused(StoredToken token) {
            return new Result(null, token);
        }

        static Result rejected() {
            return new Result(null, null);
        }
    }
}
