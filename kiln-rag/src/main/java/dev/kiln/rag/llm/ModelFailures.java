package dev.kiln.rag.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;

/** Words a failed model call for the user: what failed, where, and what to do about it. */
final class ModelFailures {
    private static final int MAX_DETAIL_CHARS = 200;
    private static final String OR_OFFLINE = "; or unset " + LlmSettings.BASE_URL_VARIABLE + " for extractive answers";

    private ModelFailures() {}

    static String describe(RuntimeException failure, String where) {
        Throwable root = root(failure);
        String prefix = "the " + where + " ";
        if (failure instanceof TimeoutException
                || root instanceof TimeoutException
                || root instanceof java.net.http.HttpTimeoutException) {
            return prefix + "did not answer in time (" + detail(root) + "); raise " + LlmSettings.TIMEOUT_VARIABLE
                    + " or use a faster model" + OR_OFFLINE;
        }
        if (root instanceof DeadlineHttpClient.ReplyTooLarge) {
            return prefix + "sent a reply that was too large (" + detail(root) + ")" + OR_OFFLINE;
        }
        if (failure instanceof AuthenticationException) {
            return prefix + "refused the API key (" + detail(root) + "); check " + LlmSettings.API_KEY_VARIABLE
                    + OR_OFFLINE;
        }
        if (failure instanceof ModelNotFoundException) {
            return prefix + "does not know the model (" + detail(root) + "); check " + LlmSettings.MODEL_VARIABLE
                    + OR_OFFLINE;
        }
        if (failure instanceof RateLimitException) {
            return prefix + "is rate-limiting requests (" + detail(root) + "); try again later" + OR_OFFLINE;
        }
        if (root instanceof HttpException http) {
            return prefix + "answered HTTP " + http.statusCode() + " (" + detail(root) + "); check "
                    + LlmSettings.BASE_URL_VARIABLE + " (it ends before /chat/completions, e.g. "
                    + "http://localhost:11434/v1) and " + LlmSettings.MODEL_VARIABLE + OR_OFFLINE;
        }
        if (root.getClass().getName().contains("json")
                || root.getClass().getName().contains("Json")) {
            return prefix + "answered with something that is not an OpenAI chat completion (" + detail(root)
                    + "); check that " + LlmSettings.BASE_URL_VARIABLE + " is an OpenAI-compatible API base URL"
                    + OR_OFFLINE;
        }
        if (refused(failure)) {
            return prefix + "cannot be reached (connection refused); check that the server runs and "
                    + LlmSettings.BASE_URL_VARIABLE + " points at it" + OR_OFFLINE;
        }
        if (root instanceof java.io.IOException) {
            return prefix + "cannot be reached (" + detail(root) + "); check that the server runs and "
                    + LlmSettings.BASE_URL_VARIABLE + " points at it" + OR_OFFLINE;
        }
        return prefix + "could not be used: " + detail(root) + OR_OFFLINE;
    }

    /** Whether a connection was refused somewhere down the cause chain (the JDK client wraps it deeply). */
    private static boolean refused(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 20; depth++, current = current.getCause()) {
            if (current instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current.getCause() != null && depth < 20; depth++) {
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
