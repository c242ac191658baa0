package dev.kiln.codegen.contributor.security;

import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.AuthType;

/** Writes the "Security" section of a generated project's README. */
public final class SecurityReadme {
    private SecurityReadme() {}

    /**
     * Returns the section, or an empty string without auth.
     *
     * @param model the analysed spec
     * @return Markdown ending with a blank line
     */
    public static String section(ServiceModel model) {
        AuthType type = SecurityContributor.type(model);
        if (type == AuthType.NONE) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Security\n\n")
                .append("Every `/api` endpoint needs credentials (")
                .append(type.id())
                .append("); without them the answer is `401`, with too few scopes `403`, both as")
                .append(" `application/problem+json`. Health probes, `/actuator/info` and the API documents are open;")
                .append(
                        " `/actuator/prometheus` needs the `metrics` scope. CORS is closed unless `CORS_ALLOWED_ORIGINS`")
                .append(" lists origins. No secret is in any file: they come from the environment (e.g. a Kubernetes")
                .append(
                        " Secret); in the `dev` profile missing ones are replaced by throwaway values with a loud warning,")
                .append(" in `prod` the service refuses to start without them.\n\n")
                .append("Scopes: `GET` needs `read`, `POST`/`PUT`/`PATCH` need `write`, `DELETE` needs `admin`; a")
                .append(" resource's own scope works too (`orders:read`), and a sub-resource needs the level on both")
                .append(" resources.");
        AccountTable accounts = AccountTable.of(model);
        EntityModel user = accounts.entity();
        if (type == AuthType.OAUTH2 && user != null) {
            md.append(" `/api/").append(user.path()).append("` holds the accounts and needs `admin` for everything.");
        }
        md.append("\n\n");
        switch (type) {
            case OAUTH2 -> oauth2(md, accounts);
            case JWT -> jwt(md);
            case API_KEY -> apiKey(md);
            case NONE -> throw new IllegalStateException("handled above");
        }
        return md.toString();
    }

    private static void oauth2(StringBuilder md, AccountTable accounts) {
        md.append("The service is its own OAuth 2.1 / OpenID Connect authorization server: discovery at")
                .append(" `/.well-known/openid-configuration`, keys at `/oauth2/jwks`, tokens at `/oauth2/token`")
                .append(
                        " (client credentials; authorization code with PKCE; refresh tokens that rotate), `/oauth2/revoke`,")
                .append(" `/oauth2/introspect`, `/userinfo` and client registration at `/connect/register`. Clients,")
                .append(" authorizations, consents and the RSA signing keys (private parts encrypted with")
                .append(" `AUTH_KEY_ENCRYPTION_KEY`) are in the database, so tokens survive restarts and work on every")
                .append(" replica; keys rotate every `AUTH_SIGNING_KEY_ROTATE_AFTER` or on `POST /auth/keys/rotate`")
                .append(" (`admin`). Users register with `POST /auth/register {\"email\", \"password\"}` (at least 12")
                .append(" characters, not a well-known password), confirm the link sent through `AccountMailer` (the")
                .append(
                        " default only logs it: replace that bean), and log in at `/login`; five wrong passwords lock an")
                .append(" account for 15 minutes. Passwords are hashed with bcrypt (`DelegatingPasswordEncoder`).")
                .append(
                        accounts.isEntity()
                                ? " Accounts are rows of `" + accounts.table() + "`."
                                : " Accounts are in `" + AccountTable.OWN_TABLE + "`.")
                .append(" Only users with the `ADMIN` role get `admin` scopes.\n\n")
                .append("```sh\nexport AUTH_KEY_ENCRYPTION_KEY=$(openssl rand -base64 32)\n")
                .append("export OAUTH2_CLIENT_ID=cli OAUTH2_CLIENT_SECRET=$(openssl rand -hex 24)\n")
                .append("./run.sh &\n")
                .append(
                        "TOKEN=$(curl -s -u \"cli:$OAUTH2_CLIENT_SECRET\" -d grant_type=client_credentials -d scope=read \\\n")
                .append("  http://127.0.0.1:8080/oauth2/token | jq -r .access_token)\n")
                .append("curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8080/api/...\n```\n\n")
                .append("| variable | meaning | default |\n|---|---|---|\n")
                .append(
                        "| `AUTH_KEY_ENCRYPTION_KEY` | 32 random bytes, Base64: encrypts the signing keys (required in prod)")
                .append(" | throwaway in dev |\n")
                .append("| `AUTH_ISSUER_URI` | the public issuer URL (set it behind a proxy) | from each request |\n")
                .append("| `OAUTH2_CLIENT_ID`, `OAUTH2_CLIENT_SECRET` | a client registered at start-up |")
                .append(" throwaway `dev-client` in dev |\n")
                .append("| `OAUTH2_CLIENT_SCOPES` | its scopes | `read write` |\n")
                .append(
                        "| `OAUTH2_CLIENT_REDIRECT_URIS` | its redirect URIs: enables the authorization code flow | none |\n")
                .append("| `AUTH_ACCESS_TOKEN_TTL`, `AUTH_REFRESH_TOKEN_TTL` | token lifetimes | `5m`, `8h` |\n")
                .append("| `AUTH_SIGNING_KEY_ROTATE_AFTER` | signing key lifetime | `30d` |\n")
                .append("| `AUTH_LOCKOUT_MAX_FAILURES`, `AUTH_LOCKOUT_DURATION` | lock-out | `5`, `15m` |\n")
                .append("| `CORS_ALLOWED_ORIGINS` | origins allowed to call from browsers | none |\n\n")
                .append(
                        "Login sessions of the authorization code flow are kept in memory: behind several replicas, use")
                .append(" sticky sessions for `/login` and `/oauth2/authorize`.\n\n");
    }

    private static void jwt(StringBuilder md) {
        md.append("The service trusts JWTs from an external issuer; the `scope` claim carries the scopes.\n\n")
                .append("| variable | meaning | default |\n|---|---|---|\n")
                .append(
                        "| `JWT_ISSUER_URI` | the issuer (`iss` must match; its discovery document gives the keys) | none |\n")
                .append("| `JWT_JWK_SET_URI` | the issuer's JWK set, instead of discovery | none |\n")
                .append("| `JWT_PUBLIC_KEY_LOCATION` | a PEM public key, e.g. `file:/keys/issuer.pem` | none |\n")
                .append("| `JWT_AUDIENCE` | required `aud` | none |\n")
                .append("| `CORS_ALLOWED_ORIGINS` | origins allowed to call from browsers | none |\n\n")
                .append("One of the first three is required in prod; in dev without them a throwaway key signs a token")
                .append(" that is logged at start-up.\n\n");
    }

    private static void apiKey(StringBuilder md) {
        md.append("Callers send an API key in `X-API-Key`. Only the SHA-256 of each key is stored. Holders of the")
                .append(
                        " `admin` scope manage keys: `POST /auth/api-keys {\"name\", \"scopes\", \"expiresInDays\"}` (the")
                .append(" answer shows the key once), `GET /auth/api-keys`, `DELETE /auth/api-keys/{id}`.\n\n")
                .append("```sh\nexport API_KEY_BOOTSTRAP=ak_$(openssl rand -hex 32)\n./run.sh\n")
                .append("curl -H \"X-API-Key: $API_KEY_BOOTSTRAP\" http://127.0.0.1:8080/api/...\n```\n\n")
                .append("| variable | meaning | default |\n|---|---|---|\n")
                .append("| `API_KEY_BOOTSTRAP` | a first key, stored at start-up | throwaway key in dev (logged) |\n")
                .append("| `API_KEY_BOOTSTRAP_SCOPES` | its scopes | `read write admin metrics` |\n")
                .append("| `CORS_ALLOWED_ORIGINS` | origins allowed to call from browsers | none |\n\n");
    }
}
