package dev.kiln.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/**
 * Words a failed model call for the user: what failed, where, and which {@code KILN_LLM_*} variable to check.
 *
 * <p>Callers add what their feature does instead (the rule-based parser's result, an extractive answer).
 */
public final class ModelFailures {
    private static final int MAX_DETAIL_CHARS = 200;
    private static final int MAX_CAUSE_DEPTH = 20;

    private ModelFailures() {}

    /**
     * Describes a failure of a call to a chat model.
     *
     * @param failure what the LangChain4j client threw
     * @param where names the model and its server, for example {@code model server} or
     *     {@code model llama3.1 at http://localhost:11434/v1}; the message starts with {@code "the " + where}
     * @return one sentence, for example {@code the model server answered HTTP 500 (model crashed); check ...}
     */
    public static String describe(RuntimeException failure, String where) {
        Throwable root = root(failure);
        String prefix = "the " + where + " ";
        if (failure instanceof TimeoutException
                || root instanceof TimeoutException
                || root instanceof HttpTimeoutException) {
            return prefix + "did not answer in time (" + detail(root) + "); raise " + LlmSettings.TIMEOUT_VARIABLE
                    + " or use a faster model";
        }
        if (root instanceof ReplyTooLargeException) {
            return prefix + "sent too large a reply: " + detail(root);
        }
        if (failure instanceof AuthenticationException) {
            return prefix + "refused the API key (" + detail(root) + "); check " + LlmSettings.API_KEY_VARIABLE;
        }
        if (failure instanceof ModelNotFoundException) {
            return prefix + "does not know the model (" + detail(root) + "); check " + LlmSettings.MODEL_VARIABLE;
        }
        if (failure instanceof RateLimitException) {
            return prefix + "is rate-limiting requests (" + detail(root) + "); try again later";
        }
        if (root instanceof HttpException http) {
            return prefix + "answered HTTP " + http.statusCode() + " (" + detail(root) + "); check "
                    + LlmSettings.BASE_URL_VARIABLE + " (it ends before /chat/completions, e.g. "
                    + "http://localhost:11434/v1) and " + LlmSettings.MODEL_VARIABLE;
        }
        return unreadableOrUnreachable(failure, root, prefix);
    }

    private static String unreadableOrUnreachable(RuntimeException failure, Throwable root, String prefix) {
        if (root.getClass().getName().contains("json")
                || root.getClass().getName().contains("Json")) {
            return prefix + "answered with something that is not an OpenAI chat completion (" + detail(root)
                    + "); check that " + LlmSettings.BASE_URL_VARIABLE + " is an OpenAI-compatible API base URL";
        }
        if (refused(failure)) {
            return prefix + "cannot be reached (connection refused); check that the server runs and "
                    + LlmSettings.BASE_URL_VARIABLE + " points at it";
        }
        if (root instanceof IOException) {
            return prefix + "cannot be reached (" + detail(root) + "); check that the server runs and "
                    + LlmSettings.BASE_URL_VARIABLE + " points at it";
        }
        return prefix + "could not be used: " + detail(root);
    }

    /** Whether a connection was refused somewhere down the cause chain (the JDK client wraps it deeply). */
    private static boolean refused(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current.getCause() != null && depth < MAX_CAUSE_DEPTH; depth++) {
            current = current.getCause();
        }
        return current;
    }

    private static String detail(Throwable failure) {
        String message = failure.getMessage();
        String text = message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : message.strip().replaceAll("\\s+", " ");
        return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS) + "...";
    }
}
