package com.vibotaj.tracehub.platform;

/** Names shared by the issuer (identity) and the verifier (platform security) of access tokens. */
public final class AccessTokenClaims {

    /** The {@code iss} of every access token; others are rejected. */
    public static final String ISSUER = "tracehub";
    /** The organisation the user acts for. */
    public static final String ORGANIZATION = "org";
    /** The user's role in that organisation. */
    public static final String ROLE = "role";
    /** The permissions granted by that role; they become the request's authorities. */
    public static final String PERMISSIONS = "perms";

    private AccessTokenClaims() {}
}
