package dev.kiln.intent.llm.internal;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;

/** Words a failed model call for a warning: what happened and, where it helps, what to check. */
final class ServerFailures {
    private static final int MAX_DETAIL_CHARS = 200;

    private ServerFailures() {}

    static String describe(RuntimeException failure) {
        Throwable root = root(failure);
        if (failure instanceof TimeoutException || root instanceof TimeoutException) {
            return "the model server did not answer in time (" + detail(root) + ")";
        }
        if (root instanceof ReplyTooLargeException) {
            return detail(root);
        }
        if (failure instanceof AuthenticationException) {
            return "the model server refused the API key; check KILN_LLM_API_KEY (" + detail(root) + ")";
        }
        if (failure instanceof ModelNotFoundException) {
            return "the model server does not know the model; check KILN_LLM_MODEL (" + detail(root) + ")";
        }
        if (failure instanceof RateLimitException) {
            return "the model server is rate-limiting requests (" + detail(root) + ")";
        }
        if (root instanceof HttpException http) {
            return "the model server answered HTTP " + http.statusCode() + " (" + detail(root) + ")";
        }
        return "the model call failed: " + detail(root);
    }

    private static Throwable root(Throwable failure) {
        Throwable current = failure;
        int depth = 0;
        for (Throwable cause = current.getCause(); cause != null && depth < 20; cause = cause.getCause(), depth++) {
            current = cause;
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
