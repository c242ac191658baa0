package dev.kiln.guard.secret;

import com.google.re2j.Matcher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The credential rules, most specific first: an earlier rule's span wins over a later overlapping one. */
final class SecretRules {
    private static final String NAME_WORDS =
            "(?:secret|token|passw(?:or)?d|passwd|pwd|api[_\\-]?key|apikey|access[_\\-]?key"
                    + "|private[_\\-]?key|client[_\\-]?secret|credentials?|auth[_\\-]?key|signing[_\\-]?key|bearer)";
    private static final String VALUE = "[^\\s\"'`,;&<>(){}\\[\\]]{8,}";

    static final List<SecretRule> ALL = List.of(
            SecretRule.of(
                    "PRIVATE_KEY",
                    "-----BEGIN[A-Z ]{0,30} PRIVATE KEY(?: BLOCK)?-----(?:[\\s\\S]*?-----END[A-Z ]{0,30}"
                            + " PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\\s:\\-,]*[A-Za-z0-9+/=])",
                    "PRIVATE KEY"),
            SecretRule.of("JWT", "eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{16,}", "eyJ")
                    .checked(SecretRules::jwtHeaderDecodes),
            SecretRule.of("AWS_ACCESS_KEY", "(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}", ""),
            SecretRule.of("GCP_API_KEY", "AIza[0-9A-Za-z_\\-]{35}", "AIza"),
            SecretRule.of("GCP_OAUTH_CLIENT_SECRET", "GOCSPX-[A-Za-z0-9_\\-]{28}", "GOCSPX-"),
            SecretRule.of("AZURE_STORAGE_KEY", "AccountKey=([A-Za-z0-9+/]{86}==)", "AccountKey=")
                    .reporting(1),
            SecretRule.of("AZURE_CLIENT_SECRET", "[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\\-]{31,34}", "Q~"),
            SecretRule.of("AZURE_SAS_SIGNATURE", "[?&]sig=([A-Za-z0-9%+/]{43,80})", "sig=")
                    .reporting(1),
            SecretRule.of(
                    "GITHUB_TOKEN", "(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})", "_"),
            SecretRule.of(
                    "SLACK_TOKEN",
                    "(?:xox[abeoprs]-(?:[0-9]{8,14}-){1,3}[A-Za-z0-9]{16,64}|xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{9,14}-[a-f0-9]{32,64})",
                    "x"),
            SecretRule.of(
                    "SLACK_WEBHOOK",
                    "https://hooks\\.slack\\.com/(?:services|workflows)/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{20,32}",
                    "hooks.slack.com"),
            SecretRule.of("STRIPE_KEY", "(?:sk|rk)_live_[0-9A-Za-z]{24,99}", "_live_"),
            SecretRule.of(
                            "GENERIC_SECRET",
                            "(?i)([a-z0-9_.\\-]{0,40}" + NAME_WORDS
                                    + "[a-z0-9_.\\-]{0,40})[\"']?[ \\t]{0,5}(?::=|=>|[:=])" + "[ \\t]{0,5}[\"']?("
                                    + VALUE + ")",
                            "")
                    .checked(SecretRules::genericIsSecret)
                    .reporting(2));

    private SecretRules() {}

    private static boolean jwtHeaderDecodes(Matcher m) {
        String token = m.group();
        String header = token.substring(0, token.indexOf('.'));
        try {
            String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8).strip();
            return json.startsWith("{") && json.endsWith("}") && json.contains("\"alg\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean genericIsSecret(Matcher m) {
        String name = m.group(1).toLowerCase(Locale.ROOT);
        boolean notASecretName = name.contains("hash")
                || name.contains("sha")
                || name.contains("md5")
                || name.contains("digest")
                || name.contains("checksum")
                || name.contains("uuid")
                || name.endsWith("_id")
                || name.endsWith("-id")
                || name.contains("length")
                || name.contains("url")
                || name.contains("file")
                || name.contains("path")
                || name.contains("type");
        return !notASecretName && Entropy.looksLikeSecret(m.group(2));
    }
}
