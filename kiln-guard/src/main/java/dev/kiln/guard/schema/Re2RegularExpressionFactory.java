package dev.kiln.guard.schema;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Runs a schema's {@code pattern}, {@code patternProperties} and {@code format: regex} on RE2/J, so a hostile
 * string in a model's answer cannot make a backtracking matcher run for hours. JSON Schema patterns are not
 * anchored: a string matches when the pattern is found anywhere in it.
 */
final class Re2RegularExpressionFactory implements RegularExpressionFactory {
    static final Re2RegularExpressionFactory INSTANCE = new Re2RegularExpressionFactory();

    private Re2RegularExpressionFactory() {}

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "pattern '" + regex + "' is not RE2 syntax (no look-around or back-references): "
                            + e.getDescription(),
                    e);
        }
        return value -> pattern.matcher(value).find();
    }
}
