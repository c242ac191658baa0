package dev.kiln.guard.secret;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.function.Predicate;

/**
 * One kind of credential: a linear-time pattern, the group that holds the secret itself, a cheap literal
 * that must occur for the pattern to be worth running, and a check on the match.
 *
 * @param type the finding type, such as {@code AWS_ACCESS_KEY}
 * @param pattern the RE2/J pattern
 * @param group the group whose span is reported (0 for the whole match)
 * @param hint a literal every match contains, or empty
 * @param check a validation of the match
 */
record SecretRule(String type, Pattern pattern, int group, String hint, Predicate<Matcher> check) {
    static SecretRule of(String type, String regex, String hint) {
        return new SecretRule(type, Pattern.compile(regex), 0, hint, m -> true);
    }

    SecretRule checked(Predicate<Matcher> predicate) {
        return new SecretRule(type, pattern, group, hint, predicate);
    }

    SecretRule reporting(int reportedGroup) {
        return new SecretRule(type, pattern, reportedGroup, hint, check);
    }
}
