package dev.kiln.intent.llm.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import java.util.List;

/**
 * Sends a conversation to a chat model asking for JSON mode, and drops the request for JSON mode for good if the
 * server rejects it: many OpenAI-compatible servers do not know {@code response_format}.
 *
 * <p>JSON mode only makes a clean reply likelier; the caller still extracts and validates whatever comes back.
 */
public final class JsonModeChat {
    private final ChatModel model;
    private volatile boolean jsonModeSupported = true;

    /**
     * Creates the chat.
     *
     * @param model the model to talk to
     */
    public JsonModeChat(ChatModel model) {
        this.model = model;
    }

    /**
     * Sends the messages and returns the text of the reply.
     *
     * @param messages the conversation so far
     * @return the reply text; empty when the model answered with no text
     * @throws RuntimeException whatever the model client throws: HTTP errors, time-outs, refused connections
     */
    public String ask(List<ChatMessage> messages) {
        if (jsonModeSupported) {
            try {
                return send(messages, ResponseFormat.JSON);
            } catch (InvalidRequestException e) {
                // Servers without JSON mode answer 4xx; ask once more in plain text, and never again in JSON mode.
                jsonModeSupported = false;
            }
        }
        return send(messages, ResponseFormat.TEXT);
    }

    private String send(List<ChatMessage> messages, ResponseFormat format) {
        ChatRequest request =
                ChatRequest.builder().messages(messages).responseFormat(format).build();
        AiMessage reply = model.chat(request).aiMessage();
        String text = reply == null ? null : reply.text();
        return text == null ? "" : text;
    }
}
