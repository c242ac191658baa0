package dev.kiln.intent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonReplyExtractorTests {
    private final JsonReplyExtractor extractor = new JsonReplyExtractor();

    private Extraction extract(String reply) {
        return extractor.extract(reply);
    }

    private static Extraction found(String json) {
        return new Extraction.Found(json);
    }

    @Test
    void extractReturnsABareObjectAsItIs() {
        assertThat(extract("{\"kiln\": 1}")).isEqualTo(found("{\"kiln\": 1}"));
    }

    @Test
    void extractStripsSurroundingWhitespaceAndAByteOrderMark() {
        assertThat(extract("\uFEFF\n  {\"kiln\": 1}\n\n")).isEqualTo(found("{\"kiln\": 1}"));
    }

    @Test
    void extractCutsTheObjectOutOfProse() {
        assertThat(extract("Here is your spec: {\"kiln\": 1, \"entities\": [{\"name\": \"A\"}]} Hope it helps!"))
                .isEqualTo(found("{\"kiln\": 1, \"entities\": [{\"name\": \"A\"}]}"));
    }

    @Test
    void extractTakesTheBodyOfAJsonCodeFence() {
        assertThat(extract("Sure.\n```json\n{\"kiln\": 1}\n```\nAnything else?"))
                .isEqualTo(found("{\"kiln\": 1}"));
    }

    @Test
    void extractPrefersTheFenceThatHoldsAnObject() {
        assertThat(extract("```bash\nkiln generate\n```\nand\n```\n{\"kiln\": 1}\n```"))
                .isEqualTo(found("{\"kiln\": 1}"));
    }

    @Test
    void extractIgnoresBracesAndQuotesInsideStrings() {
        String json = "{\"description\": \"a } brace, a \\\" quote and a { brace\", \"kiln\": 1}";

        assertThat(extract(json + " trailing } text")).isEqualTo(found(json));
    }

    @Test
    void extractSkipsAReasoningBlock() {
        assertThat(extract("<think>The user wants {a blog}. Let me think.</think>\n{\"kiln\": 1}"))
                .isEqualTo(found("{\"kiln\": 1}"));
    }

    @Test
    void extractReturnsMalformedJsonForTheReaderToLocateTheError() {
        assertThat(extract("{\"kiln\": 1,, \"name\": }")).isEqualTo(found("{\"kiln\": 1,, \"name\": }"));
    }

    @Test
    void extractRejectsAnArray() {
        assertThat(extract("[{\"kiln\": 1}]"))
                .isEqualTo(new Extraction.Missing("the reply is a JSON array; the spec must be one JSON object"));
    }

    @Test
    void extractRejectsAnArrayInACodeFence() {
        assertThat(extract("```json\n[{\"kiln\": 1}]\n```")).isInstanceOf(Extraction.Missing.class);
    }

    @Test
    void extractRejectsAQuotedObject() {
        assertThat(extract("\"{\\\"kiln\\\": 1}\""))
                .isEqualTo(new Extraction.Missing(
                        "the reply is a JSON string; the spec must be one JSON object, not quoted"));
    }

    @Test
    void extractRejectsAnEmptyReply() {
        assertThat(extract("   ")).isEqualTo(new Extraction.Missing("the reply is empty"));
    }

    @Test
    void extractRejectsProseWithoutAnObject() {
        assertThat(extract("I cannot help with that."))
                .isEqualTo(new Extraction.Missing("the reply contains no JSON object"));
    }

    @Test
    void extractRejectsAnObjectThatIsCutOff() {
        assertThat(extract("{\"kiln\": 1, \"entities\": [{\"name\": \"A\""))
                .isEqualTo(new Extraction.Missing(
                        "the JSON object in the reply is never closed; the reply may have been cut off"));
    }

    @Test
    void extractRejectsAReplyLongerThanTheLimitWithoutScanningIt() {
        String huge = "{\"d\": \"" + "x".repeat(JsonReplyExtractor.MAX_REPLY_CHARS) + "\"}";

        assertThat(extract(huge))
                .isInstanceOfSatisfying(
                        Extraction.Missing.class,
                        m -> assertThat(m.reason()).startsWith("the reply is " + huge.length() + " characters long"));
    }
}
